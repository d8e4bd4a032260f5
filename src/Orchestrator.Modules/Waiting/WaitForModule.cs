using System.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;
using Orchestrator.Modules.Text;

namespace Orchestrator.Modules.Waiting;

/// <summary>
/// Waits on the host for a port to open or close, or a file to appear (optionally with matching content) or go,
/// in ONE command (<see cref="WaitForScript"/>). Never changes anything. Skipped in check mode, as in Ansible 2.14
/// (its wait_for does not support check mode): a dry run must not fail on a port an earlier, skipped task would open.
/// </summary>
internal sealed class WaitForModule : IModule
{
    // Seconds the command may run beyond the wait itself before the transport kills it.
    private const int CommandMarginSeconds = 15;

    public ModuleSpec Spec { get; } = new(
        "wait_for",
        "Waits on the host until a TCP port accepts connections (or refuses them), or a file appears (with matching content) or goes. Fails on timeout; never changed.",
        [
            new ArgumentSpec("host", ArgumentType.String, "Address or name to connect to, as seen FROM THE HOST (127.0.0.1 is the host itself).") { Default = "127.0.0.1" },
            new ArgumentSpec("port", ArgumentType.Int, "TCP port to wait for (bash's /dev/tcp, nc -z or python3 on the host)."),
            new ArgumentSpec("path", ArgumentType.Path, "File on the host to wait for (or, with state=absent, to disappear)."),
            new ArgumentSpec("state", ArgumentType.String, "started/present: until the port accepts connections or the path exists; stopped: until the port refuses; absent: until the path is gone. (Ansible's drained is not supported.)") { Default = "started", Choices = ["started", "present", "stopped", "absent"] },
            new ArgumentSpec("search_regex", ArgumentType.String, "With path: also wait until the file's content matches this Python-style regular expression (multi-line: ^ and $ match at each line). Registered as match_groups/match_groupdict. Not supported with port."),
            new ArgumentSpec("timeout", ArgumentType.Int, "Seconds to wait at most, counted from the start (delay included). With neither port nor path, the task simply waits this long.") { Default = 300L },
            new ArgumentSpec("delay", ArgumentType.Int, "Seconds to wait before the first check.") { Default = 0L },
            new ArgumentSpec("sleep", ArgumentType.Int, "Seconds between checks.") { Default = 1L },
            new ArgumentSpec("connect_timeout", ArgumentType.Int, "Seconds one connection attempt may take before it counts as refused.") { Default = 5L },
            new ArgumentSpec("msg", ArgumentType.String, "Failure message instead of the default one on timeout."),
        ])
    {
        MutuallyExclusive = [["port", "path"]],
    };

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var (request, problem) = Read(context.Arguments);
        if (request is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(problem!));
        }

        if (context.CheckMode)
        {
            return ModulePlan.Done(ModuleResult.Skip("remote module (wait_for) does not support check mode"));
        }

        PythonPattern? pattern = null;
        if (request.SearchRegex is { } regex)
        {
            (pattern, var error) = PythonRegex.TryCreate("search_regex", regex, System.Text.RegularExpressions.RegexOptions.Multiline);
            if (error is not null)
            {
                return ModulePlan.Done(ModuleResult.Fail(error));
            }
        }

        var clock = Stopwatch.StartNew();
        if (request.Port is null && request.Path is null)
        {
            // Nothing to watch: Ansible just sleeps. That needs no host, so the controller waits.
            await Task.Delay(TimeSpan.FromSeconds(request.Delay + request.Timeout), cancellationToken);
            return ModulePlan.Done(Result(request, clock, null, null));
        }

        var seconds = Math.Max(request.Delay, request.Timeout) + request.ConnectTimeout + request.Sleep + CommandMarginSeconds;
        var command = new CommandRequest(WaitForScript.Build(request)) { Timeout = TimeSpan.FromSeconds(seconds) };
        var answer = await context.Transport.RunAsync(command, cancellationToken);
        var output = answer.StdoutText;
        var newline = output.IndexOf('\n', StringComparison.Ordinal);
        var status = newline < 0 ? output.Trim() : output[..newline];
        if (status == WaitForScript.Met)
        {
            return ModulePlan.Done(Result(request, clock, pattern, newline < 0 ? "" : output[(newline + 1)..]));
        }

        var message = status.StartsWith(WaitForScript.ErrorPrefix, StringComparison.Ordinal) ? status[WaitForScript.ErrorPrefix.Length..]
            : status == WaitForScript.TimedOut || answer.TimedOut ? context.Arguments.GetString("msg") ?? request.TimeoutMessage
            : $"waiting failed (exit {answer.ExitCode}): {answer.StderrText.Trim()}";
        return ModulePlan.Done(ModuleResult.Fail(message) with { Data = Data(request, clock, null, null) });
    }

    private static (WaitForRequest? Request, string? Problem) Read(ModuleArguments arguments)
    {
        var request = new WaitForRequest(arguments.GetString("state") ?? "started", arguments.GetInt("timeout") ?? 300)
        {
            Host = arguments.GetString("host") ?? "127.0.0.1",
            Port = arguments.GetInt("port"),
            Path = arguments.GetString("path"),
            SearchRegex = arguments.GetString("search_regex"),
            Delay = arguments.GetInt("delay") ?? 0,
            Sleep = arguments.GetInt("sleep") ?? 1,
            ConnectTimeout = arguments.GetInt("connect_timeout") ?? 5,
        };
        var problem = request switch
        {
            { Path: not null, State: "stopped" } => "state=stopped should only be used for checking a port in the wait_for module",
            { Port: not null, SearchRegex: not null } => "search_regex is supported only with path (orchestrate does not read from ports)",
            { Path: null, SearchRegex: not null } => "search_regex needs path",
            { Port: < 1 or > 65535 } => $"port must be between 1 and 65535, not {request.Port}",
            { Timeout: < 0 } or { Delay: < 0 } or { Sleep: < 0 } or { ConnectTimeout: < 1 } => "timeout, delay and sleep must not be negative, and connect_timeout must be at least 1",
            _ => null,
        };
        return problem is null ? (request, null) : (null, problem);
    }

    private static ModuleResult Result(WaitForRequest request, Stopwatch clock, PythonPattern? pattern, string? matched) =>
        ModuleResult.Ok() with { Data = Data(request, clock, pattern, matched) };

    private static Dictionary<string, object?> Data(WaitForRequest request, Stopwatch clock, PythonPattern? pattern, string? matched)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["elapsed"] = (long)clock.Elapsed.TotalSeconds,
            ["state"] = request.State,
            ["port"] = request.Port,
            ["path"] = request.Path,
            ["search_regex"] = request.SearchRegex,
            ["match_groups"] = new List<object?>(),
            ["match_groupdict"] = new Dictionary<string, object?>(StringComparer.Ordinal),
        };
        if (pattern is not null && matched is not null)
        {
            // The host found the match; its groups are taken from the matched text here.
            var end = matched.IndexOf('\0', StringComparison.Ordinal);
            var match = pattern.Match(end < 0 ? matched : matched[..end]);
            if (match.Success)
            {
                data["match_groups"] = pattern.Groups(match);
                data["match_groupdict"] = pattern.GroupDictionary(match);
            }
        }

        return data;
    }
}
