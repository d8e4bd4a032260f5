using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary><c>length x</c> (list, mapping or string), <c>first list</c>, <c>last list</c>.</summary>
internal static class CollectionHelpers
{
    public static object? Length(HelperArguments args)
    {
        args.Expect(1, 1, "length value");
        return args.Value(0) switch
        {
            string text => (long)text.Length,
            IReadOnlyList<object?> list => (long)list.Count,
            IReadOnlyDictionary<string, object?> mapping => (long)mapping.Count,
            var other => throw args.Fail($"{ValueText.Describe(other)} has no length"),
        };
    }

    public static object? First(HelperArguments args) => Pick(args, fromEnd: false);

    public static object? Last(HelperArguments args) => Pick(args, fromEnd: true);

    private static object? Pick(HelperArguments args, bool fromEnd)
    {
        args.Expect(1, 1, args.Helper + " list");
        return args.Value(0) switch
        {
            IReadOnlyList<object?> { Count: 0 } or "" => throw args.Fail("the list is empty"),
            IReadOnlyList<object?> list => list[fromEnd ? list.Count - 1 : 0],
            string text => (fromEnd ? text[^1] : text[0]).ToString(),
            var other => throw args.Fail($"expects a list, got {ValueText.Describe(other)}"),
        };
    }
}
