using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary><c>eq ne lt le gt ge</c> with the same rules as conditions (see <see cref="ValueComparison"/>).</summary>
internal static class ComparisonHelpers
{
    public static object? Equal(HelperArguments args)
    {
        args.Expect(2, 2, "eq a b");
        return ValueComparison.AreEqual(args.Value(0), args.Value(1));
    }

    public static object? NotEqual(HelperArguments args)
    {
        args.Expect(2, 2, "ne a b");
        return !ValueComparison.AreEqual(args.Value(0), args.Value(1));
    }

    public static object? Less(HelperArguments args) => Order(args) < 0;

    public static object? LessOrEqual(HelperArguments args) => Order(args) <= 0;

    public static object? Greater(HelperArguments args) => Order(args) > 0;

    public static object? GreaterOrEqual(HelperArguments args) => Order(args) >= 0;

    private static int Order(HelperArguments args)
    {
        args.Expect(2, 2, args.Helper + " a b");
        var (left, right) = (args.Value(0), args.Value(1));
        return ValueComparison.TryCompare(left, right, out var order)
            ? order
            : throw args.Fail($"cannot order {ValueText.Describe(left)} and {ValueText.Describe(right)}");
    }
}
