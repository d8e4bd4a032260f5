using Orchestrator.Core.Diagnostics;
using Orchestrator.Templating.Rendering;

namespace Orchestrator.Templating.Tests;

/// <summary>
/// Literal text with plain paths is rendered without Handlebars; it must give exactly what Handlebars gives,
/// and leave every other case (and every error) to Handlebars.
/// </summary>
public sealed class PlainTextTemplateTests
{
    private static readonly Dictionary<string, object?> Variables = Vars.Of(
        ("root", "/srv"),
        ("port", 2181L),
        ("ratio", 0.5),
        ("on", true),
        ("nothing", null),
        ("lazy", "{{ root }}/lazy"),
        ("host", Vars.Of(("name", "web1"), ("ports", Vars.List("80", 443L)))),
        ("items", Vars.List("a", "b")));

    [Theory]
    [InlineData("{{ root }}/etc/mesos")]
    [InlineData("zk://{{host.name}}:{{ port }}/mesos\n")]
    [InlineData("{{ lazy }} and {{ host.ports.0 }} and {{ host.ports.1 }}")]
    [InlineData("ratio={{ ratio }} on={{ on }} nothing=[{{ nothing }}]")]
    [InlineData("{{ items }} {{ host }}")]
    public void Renders_what_handlebars_renders(string template)
    {
        var handlebars = HandlebarsFactory.Create();
        var cache = new TemplateCache(handlebars);
        var expected = TemplateCompiler.CompileHandlebars(handlebars, template, offsetsMatch: true)(new RenderSession(cache, Variables).Root);

        Assert.Equal(expected, new TemplateEngine().RenderText(template, Variables, SourceLocation.None));
    }

    [Theory]
    [InlineData("{{ root }}/etc", true)]
    [InlineData("a {{ host.name }} b {{ port }}", true)]
    [InlineData("{{~ root }}/etc", false)]
    [InlineData("{{{ root }}}", false)]
    [InlineData("{{ default }}", false)]
    [InlineData("{{ quote root }}", false)]
    [InlineData("\\{{ root }} {{ root }}", false)]
    [InlineData("{ \"a\": \"{{ root }}\" }", false)]
    [InlineData("{{ host-name }}", false)]
    [InlineData("{{#if on}}x{{/if}}", false)]
    [InlineData("{{! note }}{{ root }}", false)]
    public void Only_literal_text_and_plain_paths_are_rendered_directly(string template, bool plain)
    {
        var mustaches = MustacheScanner.Scan(template)!;

        Assert.Equal(plain, PlainTextTemplate.Detect(template, mustaches) is not null);
    }

    [Theory]
    [InlineData("x {{ port }}")]
    [InlineData("x {{ nothing }}")]
    [InlineData("x {{ missing }}")]
    [InlineData("x {{ host.missing }}")]
    public void Anything_but_a_string_value_is_left_to_handlebars(string template)
    {
        var plain = PlainTextTemplate.Detect(template, MustacheScanner.Scan(template)!)!;

        Assert.False(plain.TryRender(new RenderSession(new TemplateCache(HandlebarsFactory.Create()), Variables).Root, out _));
    }

    [Fact]
    public void An_undefined_variable_is_still_reported_as_handlebars_reports_it()
    {
        var error = Assert.Throws<UserErrorException>(() => new TemplateEngine().RenderText("{{ root }}/{{ missing }}", Variables, new SourceLocation("site.yaml", 3, 10)));

        Assert.Contains("undefined variable 'missing'", error.Message, StringComparison.Ordinal);
    }
}
