using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class ValidateTemplateTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("site.yaml", 7, 12);

    [Theory]
    [InlineData("plain text")]
    [InlineData("{{ name }}")]
    [InlineData("{{#if (and a (not b))}}x{{else if c}}y{{else}}z{{/if}}")]
    [InlineData("{{#each l}}{{@index}}{{this}}{{/each}}")]
    [InlineData("{{#each l as |item i|}}{{item}}{{/each}}")]
    [InlineData("{{ join (default l x) ',' }} {{ lookup m 'k' }}")]
    [InlineData("{\"a\": {\"b\": {{ n }}}}")]
    [InlineData("stray }} braces are text")]
    [InlineData("\\{{ escaped }}")]
    [InlineData("{{!-- {{#if}} in a comment --}}")]
    public void Valid_templates_pass_without_variables(string template) => Engine.ValidateTemplate(template, At);

    [Theory]
    [InlineData("{{#if x}}never closed", "'{{#if}}' is never closed with '{{/if}}'", 12)]
    [InlineData("ok {{/if}}", "'{{/if}}' closes no open block", 15)]
    [InlineData("{{#if a}}{{/each}}", "'{{/each}}' does not close the open '{{#if}}'", 21)]
    [InlineData("x {{ name", "'{{' is never closed with '}}'", 14)]
    [InlineData("{{ frobnicate x }}", "unknown helper 'frobnicate'", 15)]
    [InlineData("{{#if (eqq a b)}}x{{/if}}", "unknown helper 'eqq'", 19)]
    [InlineData("{{#fi x}}{{/fi}}", "unknown block helper '#fi' (blocks are #if, #unless, #each and #with)", 15)]
    [InlineData("a {{else}} b", "'{{else}}' outside of a block", 14)]
    [InlineData("{{> partial}}", "partials ('{{> name}}') are not supported", 12)]
    [InlineData("{{}}", "empty expression '{{ }}'", 12)]
    [InlineData("{{#each}}{{/each}}", "'{{#each}}' needs an argument", 12)]
    [InlineData("{{#if a}}{{else unless}}{{/if}}", "'{{else unless}}' needs an argument", 21)]
    public void Syntax_errors_are_located(string template, string message, int column)
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.ValidateTemplate(template, At));

        Assert.Equal("template syntax error: " + message, error.Message);
        Assert.Equal(new SourceLocation("site.yaml", 7, column), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Template_file_errors_get_their_own_line()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.ValidateTemplate("a\nb\n{{#each hosts}}\n", new SourceLocation("t.hbs", 1, 1)));

        Assert.Equal(new SourceLocation("t.hbs", 3, 1), error.Diagnostics[0].Location);
        Assert.Equal("{{#each hosts}}", error.Diagnostics[0].LineText);
    }

    [Fact]
    public void Rendering_reports_the_same_syntax_errors()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue("{{ nope x }}", Vars.Of(("x", 1L)), At));

        Assert.Equal("template syntax error: unknown helper 'nope'", error.Message);
    }
}
