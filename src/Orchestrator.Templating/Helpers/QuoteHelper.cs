using Orchestrator.Core.Transport;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>quote value</c>: POSIX shell single-quoting (<see cref="ShellQuote"/>). A list becomes its items quoted
/// one by one and joined by spaces, ready to be a command's argument list.
/// </summary>
internal static class QuoteHelper
{
    public static object? Invoke(HelperArguments args)
    {
        args.Expect(1, 1, "quote value");
        return args.Value(0) is IReadOnlyList<object?> list
            ? ShellQuote.Join(list.Select(ValueText.Display))
            : ShellQuote.Quote(args.Text(0));
    }
}
