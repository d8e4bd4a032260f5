using Orchestrator.Templating.Rendering;

namespace Orchestrator.Templating.Tests;

public sealed class CacheTests
{
    [Fact]
    public void Compiled_templates_are_reused_by_text()
    {
        var cache = new TemplateCache(HandlebarsFactory.Create());

        var first = cache.Get("a {{ b }}");

        Assert.Same(first, cache.Get("a {{ b }}"));
        Assert.NotSame(first, cache.Get("a {{ c }}"));
    }

    [Fact]
    public void One_expression_templates_are_classified()
    {
        var cache = new TemplateCache(HandlebarsFactory.Create());

        Assert.Equal(["groups", "zookeeper"], cache.Get("{{ groups.zookeeper }}").Single!.Path!);
        Assert.Null(cache.Get(" {{ groups.zookeeper }} ").Single);
        Assert.Null(cache.Get("{{ x }}\n").Single);
        Assert.Null(cache.Get("{{ default x 1 }}").Single!.Path);
        Assert.Null(cache.Get("{{ a }}{{ b }}").Single);
        Assert.Null(cache.Get("x{{ a }}").Single);
        Assert.Null(cache.Get("{{#if a}}b{{/if}}").Single);
    }

    [Fact]
    public void Text_without_braces_is_returned_as_the_same_instance()
    {
        const string text = "no template";

        Assert.Same(text, new TemplateEngine().RenderValue(text, Vars.Of(), Orchestrator.Core.Diagnostics.SourceLocation.None));
    }
}
