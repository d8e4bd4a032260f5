using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Session;

/// <summary>
/// What a request asks for, in one line for the Debug log. Names only: environment values, stdin and the
/// become password may hold secrets and never appear.
/// </summary>
internal static class RequestSummary
{
    public static string Describe(CommandRequest request)
    {
        var details = new List<string>();
        if (request.Become is { } become)
        {
            details.Add($"become {become.User}");
        }

        if (request.WorkingDirectory is { } directory)
        {
            details.Add($"in {directory}");
        }

        if (request.Environment is { Count: > 0 } environment)
        {
            details.Add("env " + string.Join(",", environment.Keys));
        }

        if (request.Stdin is { Length: > 0 } stdin)
        {
            details.Add($"stdin {stdin.Length} bytes");
        }

        if (request.Timeout is { } timeout)
        {
            details.Add($"timeout {timeout}");
        }

        return details.Count == 0 ? "" : " (" + string.Join(", ", details) + ")";
    }
}
