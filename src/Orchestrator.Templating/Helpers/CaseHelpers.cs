namespace Orchestrator.Templating.Helpers;

/// <summary><c>upper s</c>, <c>lower s</c>, <c>trim s</c> (invariant culture).</summary>
internal static class CaseHelpers
{
    public static object? Upper(HelperArguments args)
    {
        args.Expect(1, 1, "upper text");
        return args.Text(0).ToUpperInvariant();
    }

    public static object? Lower(HelperArguments args)
    {
        args.Expect(1, 1, "lower text");
        return args.Text(0).ToLowerInvariant();
    }

    public static object? Trim(HelperArguments args)
    {
        args.Expect(1, 1, "trim text");
        return args.Text(0).Trim();
    }
}
