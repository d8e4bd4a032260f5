using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>index_of list item</c> (0-based position, -1 when absent) and <c>contains haystack needle</c> (substring of a
/// string, item of a list, key of a mapping): the template counterparts of the condition language's <c>in</c>.
/// </summary>
internal static class SearchHelpers
{
    public static object? IndexOf(HelperArguments args)
    {
        args.Expect(2, 2, "index_of list item");
        var list = args.List(0);
        var item = args.Value(1);
        for (var index = 0; index < list.Count; index++)
        {
            if (ValueComparison.AreEqual(list[index], item))
            {
                return (long)index;
            }
        }

        return -1L;
    }

    public static object? Contains(HelperArguments args)
    {
        args.Expect(2, 2, "contains haystack needle");
        var needle = args.Value(1);
        return args.Value(0) switch
        {
            string text => text.Contains(ValueText.Display(needle), StringComparison.Ordinal),
            IReadOnlyList<object?> list => list.Any(item => ValueComparison.AreEqual(item, needle)),
            IReadOnlyDictionary<string, object?> mapping => mapping.ContainsKey(ValueText.Display(needle)),
            var other => throw args.Fail($"cannot search in {ValueText.Describe(other)}"),
        };
    }
}
