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
        ("negative", -3L),
        ("big", 1e20),
        ("whole", 1.0),
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
    [InlineData("{{ port }} {{ negative }} {{ big }} {{ whole }} {{ on }}")]
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
    [InlineData("x {{ items }}")]
    [InlineData("x {{ host }}")]
    [InlineData("x {{ nothing }}")]
    [InlineData("x {{ missing }}")]
    [InlineData("x {{ host.missing }}")]
    public void Null_undefined_lists_and_mappings_are_left_to_handlebars(string template)
    {
        var plain = PlainTextTemplate.Detect(template, MustacheScanner.Scan(template)!)!;

        Assert.False(plain.TryRender(new RenderSession(new TemplateCache(HandlebarsFactory.Create()), Variables).Root, out _));
    }

    [Fact]
    public void Strings_numbers_and_booleans_are_written_directly()
    {
        const string template = "{{ root }}:{{ port }}:{{ on }}:{{ ratio }}";
        var plain = PlainTextTemplate.Detect(template, MustacheScanner.Scan(template)!)!;

        Assert.True(plain.TryRender(new RenderSession(new TemplateCache(HandlebarsFactory.Create()), Variables).Root, out var text));
        Assert.Equal("/srv:2181:true:0.5", text);
    }

    [Fact]
    public void An_undefined_variable_is_still_reported_as_handlebars_reports_it()
    {
        var error = Assert.Throws<UserErrorException>(() => new TemplateEngine().RenderText("{{ root }}/{{ missing }}", Variables, new SourceLocation("site.yaml", 3, 10)));

        Assert.Contains("undefined variable 'missing'", error.Message, StringComparison.Ordinal);
    }
}
