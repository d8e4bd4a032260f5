using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;

namespace Orchestrator.Templating.Tests;

/// <summary>
/// What Handlebars.Net 2.4.3 does on its own, which the engine's design relies on; if an upgrade changes any of
/// this, these fail first.
/// </summary>
public sealed class HandlebarsAssumptionTests
{
    private static readonly Dictionary<string, object?> Empty = Vars.Of();

    [Fact]
    public void Throwing_on_unresolved_bindings_also_throws_inside_if_so_it_cannot_be_used()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });

        Assert.Throws<HandlebarsUndefinedBindingException>(() => handlebars.Compile("{{#if x}}y{{/if}}")(Empty));
    }

    [Fact]
    public void Without_it_an_undefined_value_prints_nothing_and_reaches_helpers_as_a_marker()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration());
        object? seen = null;
        handlebars.RegisterHelper("see", (Context _, Arguments arguments) => seen = arguments[0]);

        Assert.Equal("[]", handlebars.Compile("[{{ x }}]")(Empty));
        handlebars.Compile("{{ see a.b }}")(Empty);
        var parentMissing = Assert.IsType<UndefinedBindingResult>(seen).Value;
        handlebars.Compile("{{ see a.b }}")(Vars.Of(("a", Vars.Of())));
        var keyMissing = Assert.IsType<UndefinedBindingResult>(seen).Value;

        // Only the first missing segment is named, which is why errors are placed by searching the template.
        Assert.Equal("a", parentMissing);
        Assert.Equal("b", keyMissing);
    }

    [Fact]
    public void Each_over_an_undefined_value_is_silent_hence_the_guard()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration());

        Assert.Equal("", handlebars.Compile("{{#each x}}y{{/each}}")(Empty));
    }

    [Fact]
    public void Decimal_literals_arrive_as_strings_and_integers_as_int()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration());
        var seen = new List<object?>();
        handlebars.RegisterHelper("see", (Context _, Arguments arguments) =>
        {
            seen.AddRange(arguments.AsEnumerable());
            return null;
        });

        handlebars.Compile("{{ see 1.5 2 }}")(Empty);

        Assert.Equal(["1.5", 2], seen);
    }

    [Fact]
    public void A_brace_right_after_an_expression_is_rejected()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration());

        Assert.ThrowsAny<HandlebarsException>(() => handlebars.Compile("{{ n }}}"));
    }
}
