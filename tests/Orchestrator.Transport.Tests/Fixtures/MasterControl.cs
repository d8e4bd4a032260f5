using System.Diagnostics;
using System.Text.RegularExpressions;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Ssh;

namespace Orchestrator.Transport.Tests.Fixtures;

/// <summary>Asks a kept ssh master about itself (<c>ssh -O check</c>) and stops it (<c>ssh -O exit</c>), with a time limit.</summary>
internal static partial class MasterControl
{
    /// <summary>The PID of the master running for these settings, or null when none answers.</summary>
    public static int? Pid(ConnectionSettings settings, ControlSocket socket)
    {
        var match = RunningPid().Match(Run(settings, socket, "check"));
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Stops the master and waits (bounded) until it no longer answers; true when it is gone.</summary>
    public static async Task<bool> ExitAsync(ConnectionSettings settings, ControlSocket socket)
    {
        Run(settings, socket, "exit");
        return await HostCommand.EventuallyAsync(() => Pid(settings, socket) is null, TimeSpan.FromSeconds(10));
    }

    private static string Run(ConnectionSettings settings, ControlSocket socket, string request)
    {
        var startInfo = SshCommandLine.Control(settings, socket, request);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start ssh -O");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException($"ssh -O {request} did not finish within 30 s");
        }

        return stdout.Result + stderr.Result;
    }

    [GeneratedRegex(@"Master running \(pid=(\d+)\)")]
    private static partial Regex RunningPid();
}
