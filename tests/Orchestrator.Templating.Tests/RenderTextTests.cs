using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class RenderTextTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation File = new("templates/zoo.cfg.hbs", 1, 1);

    [Fact]
    public void Renders_a_multi_line_template_file()
    {
        const string template = "tickTime=2000\n{{#each servers}}\nserver.{{ id }}={{ host }}:2888:3888\n{{/each}}\nport={{ port }}\n";
        var vars = Vars.Of(
            ("servers", Vars.List(Vars.Of(("id", 1L), ("host", "z1")), Vars.Of(("id", 2L), ("host", "z2")))),
            ("port", 2181L));

        var text = Engine.RenderText(template, vars, File);

        Assert.Equal("tickTime=2000\nserver.1=z1:2888:3888\nserver.2=z2:2888:3888\nport=2181\n", text);
    }

    [Fact]
    public void One_expression_file_still_renders_as_text()
    {
        Assert.Equal("[\"a\",1]", Engine.RenderText("{{ l }}", Vars.Of(("l", Vars.List("a", 1L))), File));
        Assert.Equal("22", Engine.RenderText("{{ port }}", Vars.Of(("port", 22L)), File));
    }

    [Fact]
    public void Text_without_braces_is_returned_as_is()
    {
        const string text = "no templates here\n";

        Assert.Same(text, Engine.RenderText(text, Vars.Of(), File));
    }

    [Fact]
    public void Undefined_variable_points_at_the_template_line_and_column_and_shows_the_line()
    {
        const string template = "tickTime=2000\ndataDir={{ zk_data }}\n  myid={{ zookeeper_id }}\n";

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderText(template, Vars.Of(("zk_data", "/var/lib/zk")), File));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("undefined variable 'zookeeper_id'", diagnostic.Message);
        Assert.Equal(new SourceLocation(File.File, 3, 11), diagnostic.Location);
        Assert.Equal("  myid={{ zookeeper_id }}", diagnostic.LineText);
        var formatted = DiagnosticFormatter.Format(diagnostic);
        Assert.Contains("templates/zoo.cfg.hbs:3:11", formatted, StringComparison.Ordinal);
        Assert.Contains("3 |   myid={{ zookeeper_id }}", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Helper_error_points_at_the_helper()
    {
        const string template = "a\nb {{ int value }}\n";

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderText(template, Vars.Of(("value", "ten")), File));

        Assert.Equal("helper 'int': string 'ten' is not a number", error.Message);
        Assert.Equal(new SourceLocation(File.File, 2, 6), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Syntax_error_points_at_the_unclosed_block()
    {
        const string template = "line 1\n  {{#if docker_tls}}\ntls\n";

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderText(template, Vars.Of(), File));

        Assert.StartsWith("template syntax error: '{{#if}}' is never closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(File.File, 2, 3), error.Diagnostics[0].Location);
        Assert.Equal("  {{#if docker_tls}}", error.Diagnostics[0].LineText);
    }

    [Fact]
    public void Windows_line_endings_do_not_leak_into_the_shown_line()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.RenderText("a\r\nb={{ missing }}\r\n", Vars.Of(), File));

        Assert.Equal("b={{ missing }}", error.Diagnostics[0].LineText);
        Assert.Equal(new SourceLocation(File.File, 2, 6), error.Diagnostics[0].Location);
    }
}
