namespace Orchestrator.Templating.Helpers;

/// <summary><c>replace text old new</c>: every occurrence of old (plain text, not a pattern).</summary>
internal static class ReplaceHelper
{
    public static object? Invoke(HelperArguments args)
    {
        args.Expect(3, 3, "replace text \"old\" \"new\"");
        var old = args.Text(1);
        return old.Length == 0 ? throw args.Fail("the text to replace is empty") : args.Text(0).Replace(old, args.Text(2), StringComparison.Ordinal);
    }
}
