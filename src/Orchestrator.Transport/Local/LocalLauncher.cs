using System.Diagnostics;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Local;

/// <summary>Runs the session loop in a local <c>/bin/sh</c> on the controller.</summary>
internal sealed class LocalLauncher : ISessionLauncher
{
    public TimeSpan StartupTimeout => TimeSpan.FromSeconds(30);

    // The commands are the loop's descendants; a session that stops answering must take them with it.
    public bool KillProcessTree => true;

    public ProcessStartInfo CreateStartInfo(string loopScript)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            // Same starting point as an ssh login: the user's home.
            WorkingDirectory = Directory.Exists(home) ? home : "/",
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(loopScript);
        return startInfo;
    }

    public string DescribeFailure(SessionLostException failure)
    {
        var exit = failure.ProcessExitCode is { } code ? $" (exit {code})" : "";
        var said = string.IsNullOrWhiteSpace(failure.ProcessStderr) ? "" : ": " + failure.ProcessStderr;
        return $"local shell session: {failure.Message}{exit}{said}";
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
