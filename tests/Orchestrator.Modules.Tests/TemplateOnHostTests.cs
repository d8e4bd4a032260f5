using Orchestrator.Core.Diagnostics;
using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>template with a stub engine, writing to this machine.</summary>
public sealed class TemplateOnHostTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly TemplateModule template = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Renders_from_the_playbooks_templates_folder_and_is_idempotent()
    {
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/zoo.cfg"], "server.1={{ address }}:2888:3888\nquote='$(x)'\n");
        var engine = new StubTemplateEngine();
        var variables = new Dictionary<string, object?> { ["address"] = "10.0.0.11" };
        var arguments = Args("src", "zoo.cfg", "dest", temp["zoo.cfg"], "mode", "0640");

        var (_, first) = await RunAsync(template, Context(template, arguments, new ShellTransport(), variables: variables, templates: engine, playbookDirectory: temp.Path));
        var (plan, second) = await RunAsync(template, Context(template, arguments, new ShellTransport(), variables: variables, templates: engine, playbookDirectory: temp.Path));

        Assert.True(first.Changed, first.Message);
        Assert.Equal("server.1=10.0.0.11:2888:3888\nquote='$(x)'\n", File.ReadAllText(temp["zoo.cfg"]));
        Assert.Equal("640", CopyOnHostTests.UnixModeOf(temp["zoo.cfg"]));
        Assert.Null(plan.Apply);
        Assert.False(second.Changed);
        Assert.Equal(new SourceLocation(temp["templates/zoo.cfg"], 1, 1), engine.RenderLocations[0]);
    }

    [Fact]
    public async Task A_changed_variable_shows_in_the_diff_and_check_mode_writes_nothing()
    {
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/t"], "value={{ v }}\n");
        File.WriteAllText(temp["out"], "value=1\n");
        var context = Context(
            template, Args("src", "t", "dest", temp["out"]), new ShellTransport(), check: true, diff: true,
            variables: new Dictionary<string, object?> { ["v"] = "2" }, playbookDirectory: temp.Path);

        var (plan, result) = await RunAsync(template, context);

        Assert.NotNull(plan.Apply);
        Assert.True(result.Changed);
        Assert.Equal(new FileDiff(temp["out"], "value=1\n", "value=2\n"), result.Diff);
        Assert.Equal("value=1\n", File.ReadAllText(temp["out"]));
    }

    [Fact]
    public async Task An_undefined_variable_is_a_user_error_located_in_the_template()
    {
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/t"], "{{ missing }}");
        var context = Context(template, Args("src", "t", "dest", temp["out"]), new ShellTransport(), playbookDirectory: temp.Path);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => template.PlanAsync(context, CancellationToken.None));

        Assert.Equal(temp["templates/t"], error.Diagnostics[0].Location.File);
        Assert.False(File.Exists(temp["out"]));
    }
}
