using System.Diagnostics;
using System.Text;
using Orchestrator.IntegrationTests.HostKit;
using Orchestrator.Tests.Shared;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// The real <c>orchestrate</c> program (<see cref="OrchestrateCommand"/>: the shipped executable in CI) running as a child
/// process, so a test can act on the lab while a run is in progress. A hard limit kills the whole process
/// tree; output is collected as it comes.
/// </summary>
internal sealed class OrchestrateProcess : IDisposable
{
    private readonly Process process;
    private readonly LineBuffer stdout = new();
    private readonly LineBuffer stderr = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Task<OrchestrateResult> completion;

    private OrchestrateProcess(Process process, TimeSpan limit, string? reportPath)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => stdout.Append(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        completion = WaitAsync(limit, reportPath);
    }

    /// <summary>What the program has printed so far.</summary>
    public string StandardOutputSoFar => stdout.ToString();

    /// <param name="arguments">Everything after <c>orchestrate</c>, e.g. <c>run playbook.yaml -i inventory.yaml</c>.</param>
    /// <param name="temporaryDirectory">TMPDIR of the program: where its ssh control sockets go, so a test can look for leftovers.</param>
    public static OrchestrateProcess Start(IEnumerable<string> arguments, TimeSpan limit, string? reportPath, string? temporaryDirectory)
    {
        // setsid: the program leads its own process group, as a job at a terminal does, so a test can send a signal
        // to the whole group the way a terminal's Ctrl-C does (setsid execs in place: the PID is the program's).
        // env --default-signal=INT: a test run started in the background by a non-interactive shell inherits SIGINT
        // ignored (POSIX), and .NET then leaves it ignored; a terminal's foreground job gets it at its default.
        var startInfo = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = temporaryDirectory ?? Path.GetTempPath(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add("env");
        startInfo.ArgumentList.Add("--default-signal=INT");
        foreach (var argument in OrchestrateCommand.Words().Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (temporaryDirectory is not null)
        {
            startInfo.Environment["TMPDIR"] = temporaryDirectory;
        }

        return new OrchestrateProcess(new Process { StartInfo = startInfo }, limit, reportPath);
    }

    public Task<OrchestrateResult> WaitForExitAsync() => completion;

    /// <summary>Sends SIGTERM, as a service manager would ask the program to stop.</summary>
    public Task TerminateAsync() => SignalAsync("TERM");

    /// <summary>Sends a signal (TERM, INT) to the program alone, or to its process group.</summary>
    /// <param name="wholeGroup">To the program's whole process group, as a terminal's Ctrl-C does (every process
    /// the program started and left in its group gets it too).</param>
    public async Task SignalAsync(string signal, bool wholeGroup = false)
    {
        var pid = process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await HostKit.ProcessRunner.RunAsync("kill", ["-" + signal, "--", wholeGroup ? "-" + pid : pid], TimeSpan.FromSeconds(10));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"kill -{signal} failed: " + result.Describe());
        }
    }

    public void Dispose()
    {
        if (!completion.IsCompleted)
        {
            Kill();
        }

        process.Dispose();
    }

    private async Task<OrchestrateResult> WaitAsync(TimeSpan limit, string? reportPath)
    {
        using var deadline = new CancellationTokenSource(limit);
        var timedOut = false;
        try
        {
            // Also waits for the end of stdout/stderr: a child left holding them (an ssh master) shows up as a time-out.
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            Kill();
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        clock.Stop();
        var report = reportPath is not null && File.Exists(reportPath) ? RunReport.Load(reportPath) : null;
        return new OrchestrateResult(timedOut ? -1 : process.ExitCode, stdout.ToString(), stderr.ToString(), timedOut, clock.Elapsed, report);
    }

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
