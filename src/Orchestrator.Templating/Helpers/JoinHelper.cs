using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary><c>join list [separator]</c>: the items as text, separated (nothing between them by default).</summary>
internal static class JoinHelper
{
    public static object? Invoke(HelperArguments args)
    {
        args.Expect(1, 2, "join list \",\"");
        var separator = args.Count > 1 ? args.Text(1) : "";
        return string.Join(separator, args.List(0).Select(ValueText.Display));
    }
}
