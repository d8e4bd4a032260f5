using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Ssh;

/// <summary>Words the unreachable message so the user sees why, in ssh's own words.</summary>
internal static class SshFailure
{
    private const int MaxSaid = 4000;

    public static string Describe(string target, SessionLostException failure)
    {
        var said = failure.ProcessStderr.Length > MaxSaid ? "..." + failure.ProcessStderr[^MaxSaid..] : failure.ProcessStderr;
        var ssh = string.IsNullOrWhiteSpace(said) ? "ssh printed nothing" : "ssh said:\n" + said;
        if (said.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", StringComparison.Ordinal))
        {
            return $"{target}: the host key has CHANGED since it was recorded in known_hosts; refusing to connect "
                + $"(a reinstalled host, or someone in the middle). Check the key and update known_hosts. {ssh}";
        }

        if (said.Contains("Host key verification failed", StringComparison.Ordinal))
        {
            return $"{target}: host key verification failed (the host key is unknown or does not match known_hosts). {ssh}";
        }

        var exit = failure.ProcessExitCode switch
        {
            255 => " (ssh exit 255: connection failed or lost)",
            { } code => $" (ssh exit {code})",
            null => "",
        };
        return $"{target}: {failure.Message}{exit}. {ssh}";
    }
}
