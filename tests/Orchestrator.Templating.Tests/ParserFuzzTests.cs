using FsCheck;
using FsCheck.Fluent;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Templating.Tests;

/// <summary>
/// Bounded property runs over the YAML, template and condition parsers: whatever the input, the result is a
/// value or a located <see cref="UserErrorException"/>, never another exception and never a hang.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Runs = 400;
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);
    private static readonly SourceLocation Where = new("fuzz.yaml", 3, 7);
    private static readonly TemplateEngine Engine = new();
    private static readonly IReadOnlyDictionary<string, object?> Variables = new Dictionary<string, object?>
    {
        ["a"] = 1L,
        ["b"] = "text",
        ["l"] = new List<object?> { 1L, "x" },
        ["m"] = new Dictionary<string, object?> { ["k"] = true },
    };

    private static readonly string[] YamlPieces =
        ["a", ": ", "- ", "\n", "  ", "\t", "{", "}", "[", "]", ",", "'", "\"", "&x ", "*x", "<<: ", "!vault ", "|", ">", "#", "---", "1", "yes", "~", "\\"];

    private static readonly string[] TemplatePieces =
        ["{{", "}}", "{{#if ", "{{/if}}", "{{#each ", "{{/each}}", "{{else}}", "a", "b.c", " ", "(", ")", "'", "\"", "default ", "eq ", "join ", "@index", "this", "../", "}", "{", "\\{{", "\n"];

    private static readonly string[] ConditionPieces =
        ["a", "b", " ", "and", "or", "not", "==", "!=", "<", ">=", "in", "is", "defined", "(", ")", "[", "]", "'x'", "\"y\"", "1", "2.5", ".", "|", "default(", ",", "l[0]", "m['k']", "-"];

    [Fact]
    public void Yaml_loader_gives_a_tree_or_a_located_error() =>
        Check(YamlPieces, text => YamlLoader.Parse(text, "fuzz.yaml"));

    [Fact]
    public void Templates_render_or_give_a_located_error() =>
        Check(TemplatePieces, text =>
        {
            Engine.ValidateTemplate(text, Where);
            Engine.RenderValue(text, Variables, Where);
        });

    [Fact]
    public void Conditions_evaluate_or_give_a_located_error() =>
        Check(ConditionPieces, text =>
        {
            Engine.ValidateCondition(text, Where);
            Engine.EvaluateCondition(text, Variables, Where);
        });

    private static void Check(string[] pieces, Action<string> parse)
    {
        var soup = Gen.Elements(pieces).ArrayOf().Select(parts => string.Concat(parts));
        var anything = ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? "");
        var inputs = Gen.OneOf(soup, soup, anything).ToArbitrary();
        var property = Prop.ForAll(inputs, (string text) => Survives(text, parse));
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }

    private static bool Survives(string text, Action<string> parse)
    {
        var attempt = Task.Run(() =>
        {
            try
            {
                parse(text);
            }
            catch (UserErrorException error) when (error.Diagnostics.Count > 0 && error.Diagnostics.All(d => d.Location.File.Length > 0))
            {
                // A located user error is the expected failure.
            }
        });
        if (!attempt.Wait(PerInput))
        {
            throw new TimeoutException($"no answer within {PerInput.TotalSeconds} s for input {Show(text)}");
        }

        return true;
    }

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
