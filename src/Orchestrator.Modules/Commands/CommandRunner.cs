using System.Diagnostics;
using System.Globalization;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Commands;

/// <summary>
/// Runs command/shell invocations. chdir, creates and removes are checked by the same shell that runs the
/// command. Without become (and in check mode) creates/removes are first asked as our own script, which the
/// session answers in a subshell: a skipped command then costs no process on the host instead of a
/// <c>/bin/sh -c</c> and the tar that frames a user command's output (about 2 ms), and a command that runs
/// pays one more round trip. Under become both questions would start sudo and a shell, so one request does both.
/// Without chdir that question is an <c>if</c> without <c>exit</c>, which the session may answer in its own shell
/// (<see cref="CommandRequest.InSessionShell"/>), without even a subshell's fork. In check mode that answer is the
/// result, as in Ansible: ok ("Would not run") or changed ("would have run"); only a command without creates/removes
/// is skipped, since nothing can say what it would do.
/// </summary>
internal static class CommandRunner
{
    public static async Task<ModulePlan> PlanAsync(ModuleContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var marker = "\u001eorchestrate-not-run-" + Guid.NewGuid().ToString("N");
        var guard = Guard(invocation, marker);
        Func<CancellationToken, Task<ModuleResult>> run = token => RunAsync(context.Transport, invocation, guard, marker, token);
        if ((context.CheckMode || !context.Become) && (invocation.Creates is not null || invocation.Removes is not null))
        {
            var probe = await context.Transport.RunAsync(Question(invocation, marker, guard), cancellationToken);
            if (NotRunResult(invocation, marker, probe.StdoutText, context.CheckMode ? "Would" : "Did") is { } notRun)
            {
                return ModulePlan.Done(notRun);
            }

            // The guard is Ansible's check-mode support for these modules: having said "run", check mode reports the
            // command as a change (as ansible-playbook does), not as skipped.
            if (probe.ExitCode == 0)
            {
                return ModulePlan.Change(WouldRunResult(invocation), run);
            }

            // Only chdir can fail the question. Outside check mode the command's own run reports it; in check mode
            // nothing runs after this, and Ansible fails there too.
            if (context.CheckMode && StartFailure.Result(invocation, marker, probe.StdoutText) is { } failure)
            {
                return ModulePlan.Done(failure);
            }
        }

        return ModulePlan.Unpredictable(SkippedResult(invocation), run);
    }

    // Ansible 2.14's skipped command result: the keys of a run with nothing run, start/end/delta null.
    private static ModuleResult SkippedResult(CommandInvocation invocation) => WouldRunResult(invocation) with
    {
        Data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["cmd"] = invocation.Display,
            ["start"] = null,
            ["end"] = null,
            ["delta"] = null,
        },
    };

    private static ModuleResult WouldRunResult(CommandInvocation invocation) => new()
    {
        Message = "Command would have run if not in check mode",
        ReturnCode = 0,
        Stdout = "",
        Stderr = "",
        Data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["cmd"] = invocation.Display },
    };

    private static async Task<ModuleResult> RunAsync(ITransport transport, CommandInvocation invocation, string guard, string marker, CancellationToken cancellationToken)
    {
        var start = DateTime.Now;
        var clock = Stopwatch.StartNew();
        var lines = new List<string> { guard };
        if (invocation.Program is { } program)
        {
            lines.Add(StartFailure.FindProgram(program, marker));
        }

        lines.Add(invocation.Script);
        var script = string.Join("\n", lines.Where(line => line.Length > 0));
        var result = await transport.RunAsync(new CommandRequest(script) { Stdin = invocation.Stdin }, cancellationToken);
        clock.Stop();
        if ((NotRunResult(invocation, marker, result.StdoutText, "Did") ?? StartFailure.Result(invocation, marker, result.StdoutText)) is { } notRun)
        {
            return notRun;
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["cmd"] = invocation.Display,
            ["start"] = Timestamp(start),
            ["end"] = Timestamp(start + clock.Elapsed),
            ["delta"] = Delta(clock.Elapsed),
        };
        var failed = result.ExitCode != 0;
        return new ModuleResult
        {
            Changed = true,
            Failed = failed,
            Message = result.TimedOut ? "command timed out"
                : !failed ? ""
                : SudoRefusal.Describe(result.ExitCode, result.StdoutText, result.StderrText) ?? "non-zero return code",
            ReturnCode = result.ExitCode,
            Stdout = invocation.StripEmptyEnds ? result.StdoutText.TrimEnd('\r', '\n') : result.StdoutText,
            Stderr = invocation.StripEmptyEnds ? result.StderrText.TrimEnd('\r', '\n') : result.StderrText,
            Data = data,
        };
    }

    /// <summary>Asks only whether creates/removes skip the command: the marker printed when they do, nothing otherwise.</summary>
    private static CommandRequest Question(CommandInvocation invocation, string marker, string guard) =>
        invocation.Chdir is not null
            ? new CommandRequest(guard + "\n:") { IsInternal = true }

            // The guard's tests in its order, as one if: nothing here exits or changes directory; it sets only __cg.
            : new CommandRequest("if " + string.Join("; elif ", SkipTests(invocation, marker)) + "; fi") { IsInternal = true, InSessionShell = true };

    /// <summary>Shell code run before the command: change directory, then leave (printing the marker) when creates/removes say so.</summary>
    private static string Guard(CommandInvocation invocation, string marker)
    {
        var lines = new List<string>();
        if (invocation.Chdir is { } directory)
        {
            lines.Add(StartFailure.ChangeDirectory(directory, marker));
        }

        lines.AddRange(SkipTests(invocation, marker).Select(test => $"if {test}; exit 0; fi"));
        return string.Join("\n", lines);
    }

    /// <summary>"TEST; then printf MARKER" for creates, then removes: the command is skipped when TEST holds.</summary>
    private static IEnumerable<string> SkipTests(CommandInvocation invocation, string marker)
    {
        if (invocation.Creates is { } creates)
        {
            yield return $"{Exists(creates)}; then printf %s {ShellQuote.Quote(marker + "creates")}";
        }

        if (invocation.Removes is { } removes)
        {
            var missing = GlobWord.IsPattern(removes) ? "! " + Exists(removes) : $"[ ! -e {ShellQuote.Quote(removes)} ]";
            yield return $"{missing}; then printf %s {ShellQuote.Quote(marker + "removes")}";
        }
    }

    // As Ansible's glob.glob: a pattern holds when anything matches it. The loop's variable is its own (__cg).
    private static string Exists(string path) => GlobWord.IsPattern(path)
        ? $"{{ for __cg in {GlobWord.For(path)}; do [ -e \"$__cg\" ] && break; __cg=; done; [ -n \"$__cg\" ]; }}"
        : $"[ -e {ShellQuote.Quote(path)} ]";

    /// <param name="verb">"Did", or "Would" in check mode (Ansible's wording).</param>
    private static ModuleResult? NotRunResult(CommandInvocation invocation, string marker, string stdout, string verb)
    {
        var (path, why) = stdout == marker + "creates" ? (invocation.Creates, "exists")
            : stdout == marker + "removes" ? (invocation.Removes, "does not exist")
            : (null, "");
        if (path is null)
        {
            return null;
        }

        return new ModuleResult
        {
            Message = $"{verb} not run command since '{path}' {why}",
            ReturnCode = 0,
            Stdout = $"skipped, since {path} {why}",
            Stderr = "",
            Data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["cmd"] = invocation.Display },
        };
    }

    private static string Timestamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string Delta(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed:mm\\:ss\\.ffffff}");
}
