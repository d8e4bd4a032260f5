using HandlebarsDotNet;

namespace Orchestrator.Templating.Helpers;

/// <summary>Every helper, registered by name in one place. Each works as <c>{{name args}}</c> and as <c>(name args)</c>.</summary>
internal static class HelperRegistry
{
    private static readonly (string Name, Func<HelperArguments, object?> Body)[] Helpers =
    [
        ("join", JoinHelper.Invoke),
        ("default", DefaultHelper.Invoke),
        ("eq", ComparisonHelpers.Equal),
        ("ne", ComparisonHelpers.NotEqual),
        ("lt", ComparisonHelpers.Less),
        ("le", ComparisonHelpers.LessOrEqual),
        ("gt", ComparisonHelpers.Greater),
        ("ge", ComparisonHelpers.GreaterOrEqual),
        ("and", LogicHelpers.And),
        ("or", LogicHelpers.Or),
        ("not", LogicHelpers.Not),
        ("upper", CaseHelpers.Upper),
        ("lower", CaseHelpers.Lower),
        ("trim", CaseHelpers.Trim),
        ("replace", ReplaceHelper.Invoke),
        ("quote", QuoteHelper.Invoke),
        ("to_json", SerializationHelpers.ToJson),
        ("to_yaml", SerializationHelpers.ToYaml),
        ("b64encode", Base64Helpers.Encode),
        ("b64decode", Base64Helpers.Decode),
        ("length", CollectionHelpers.Length),
        ("first", CollectionHelpers.First),
        ("last", CollectionHelpers.Last),
        ("int", IntHelper.Invoke),
        ("indent", IndentHelper.Invoke),
        ("basename", PathHelpers.Basename),
        ("dirname", PathHelpers.Dirname),
        ("add", ArithmeticHelpers.Add),
        ("div", ArithmeticHelpers.Divide),
        ("index_of", SearchHelpers.IndexOf),
        ("contains", SearchHelpers.Contains),
        ("version_lt", VersionHelper.Less),
        ("duration_ms", DurationHelper.Invoke),
        ("dict2items", Dict2ItemsHelper.Invoke),
    ];

    /// <summary>Handlebars' own non-block helpers, valid in calls too.</summary>
    private static readonly string[] BuiltIns = ["lookup", "log"];

    private static readonly HashSet<string> Known =
        new(Helpers.Select(h => h.Name).Concat(BuiltIns), StringComparer.Ordinal);

    public static bool IsKnown(string name) => Known.Contains(name);

    public static void RegisterAll(IHandlebars handlebars)
    {
        foreach (var (name, body) in Helpers)
        {
            handlebars.RegisterHelper(name, (Context _, Arguments arguments) => body(new HelperArguments(name, arguments)));
        }

        handlebars.RegisterHelper(CaptureHelper.Name, CaptureHelper.Invoke);
        handlebars.RegisterHelper(DefinedGuardHelper.Name, DefinedGuardHelper.Invoke);
        handlebars.RegisterHelper(BraceHelper.Name, BraceHelper.Invoke);
        handlebars.RegisterHelper(FloatLiteralHelper.Name, FloatLiteralHelper.Invoke);
    }
}
