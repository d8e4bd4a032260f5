using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Tests.Waiting;

/// <summary>What `orchestrate modules NAME` tells about setup, raw, wait_for and pause, and what their specs refuse.</summary>
public sealed class WaitForSpecTests
{
    private readonly ModuleRegistry registry = ModuleRegistry.CreateDefault();

    [Fact]
    public void Wait_for_documents_its_defaults_and_states()
    {
        var text = ModuleDocumentation.Render(registry.Find("wait_for")!);
        var lines = text.Split('\n');

        Assert.Contains(lines, l => l.StartsWith("host ", StringComparison.Ordinal) && l.Contains("default: 127.0.0.1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("timeout ", StringComparison.Ordinal) && l.Contains("default: 300", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("state ", StringComparison.Ordinal) && l.Contains("started, present, stopped, absent", StringComparison.Ordinal));
        Assert.Contains("Not together: port, path", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wait_for", "state", "drained")]
    [InlineData("pause", "seconds", "1.5")]
    [InlineData("setup", "gather_subset", "all")]
    public void Unsupported_values_are_reported_before_the_run(string module, string argument, string value)
    {
        var (_, problems) = ArgumentBinder.Bind(registry.Find(module)!, new Dictionary<string, object?> { [argument] = value }, deferTemplates: false);

        Assert.NotEmpty(problems);
    }

    [Fact]
    public void Raw_takes_its_command_free_form()
    {
        var text = ModuleDocumentation.Render(registry.Find("raw")!);

        Assert.Contains("Free-form: text after the module name is the 'cmd' argument.", text, StringComparison.Ordinal);
    }
}
