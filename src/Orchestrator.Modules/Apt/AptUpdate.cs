using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// Runs apt-get update and judges it. apt-get exits 0 when a source could not be fetched ("W: Failed to fetch",
/// old lists kept), so its messages are read too. Concerning null: any failure fails (as Ansible's apt does);
/// a URI: only failures naming it fail (or one apt does not explain), the others become warnings.
/// </summary>
internal static class AptUpdate
{
    public static string Command(long lockTimeoutSeconds) => AptShell.Script(lockTimeoutSeconds, AptShell.AptGet(lockTimeoutSeconds) + " update");

    public static async Task<(string? Failure, IReadOnlyList<string> Warnings, CommandResult Result)> RunAsync(
        ITransport transport, long lockTimeoutSeconds, string? concerning, CancellationToken cancellationToken)
    {
        var result = await transport.RunAsync(new CommandRequest(Command(lockTimeoutSeconds)), cancellationToken);
        var (failure, warnings) = Judge(result, concerning);
        return (failure, warnings, result);
    }

    public static (string? Failure, IReadOnlyList<string> Warnings) Judge(CommandResult result, string? concerning)
    {
        var problems = result.StderrText.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("E: ", StringComparison.Ordinal) || l.StartsWith("W: Failed to fetch", StringComparison.Ordinal)
                        || l.StartsWith("W: GPG error", StringComparison.Ordinal))
            .ToList();
        var ours = concerning is null ? problems : problems.Where(l => l.Contains(concerning.TrimEnd('/'), StringComparison.Ordinal)).ToList();
        var unexplained = result.ExitCode != 0 && problems.Count == 0;
        if (ours.Count > 0 || unexplained || (concerning is null && result.ExitCode != 0))
        {
            var detail = ours.Count > 0 ? string.Join("; ", ours) : result.StderrText.Trim();
            return ($"apt-get update failed{(result.TimedOut ? " (timed out)" : "")}: {detail}", []);
        }

        return (null, problems.Except(ours).ToList());
    }
}
