using System.Diagnostics;
using System.Globalization;
using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Waiting;

/// <summary>
/// Waits on the controller for a fixed time, Ansible's pause with seconds/minutes. A pause that waits for a key
/// press is refused: runs are not interactive (Ansible's prompt-and-wait has no equivalent here).
/// </summary>
internal sealed class PauseModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "pause",
        "Waits a number of seconds or minutes on the controller (all hosts at once), then reports ok. Timed pauses only: never waits for a key press.",
        [
            new ArgumentSpec("seconds", ArgumentType.Int, "How many seconds to wait."),
            new ArgumentSpec("minutes", ArgumentType.Int, "How many minutes to wait."),
            new ArgumentSpec("prompt", ArgumentType.String, "Text reported with the result, e.g. why the run waits; nothing is read from the user."),
        ])
    {
        MutuallyExclusive = [["seconds", "minutes"]],
    };

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var minutes = arguments.GetInt("minutes");
        var amount = minutes ?? arguments.GetInt("seconds");
        if (amount is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(
                "pause without seconds or minutes would wait for Enter, and orchestrate runs are not interactive: give seconds or minutes"));
        }

        if (amount < 0)
        {
            return ModulePlan.Done(ModuleResult.Fail($"pause needs a positive number of {(minutes is null ? "seconds" : "minutes")}, not {amount}"));
        }

        var duration = minutes is null ? TimeSpan.FromSeconds(amount.Value) : TimeSpan.FromMinutes(amount.Value);
        var start = DateTime.Now;
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration, cancellationToken);
        clock.Stop();

        var elapsed = clock.Elapsed;
        var unit = minutes is null ? "seconds" : "minutes";
        var shown = Math.Round(minutes is null ? elapsed.TotalSeconds : elapsed.TotalMinutes, 2).ToString(CultureInfo.InvariantCulture);
        var stdout = $"Paused for {shown} {unit}";
        var prompt = arguments.GetString("prompt");
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["start"] = Timestamp(start),
            ["stop"] = Timestamp(start + elapsed),
            ["delta"] = (long)Math.Round(elapsed.TotalSeconds), // a timer may wake a hair early: 0.999 s is a 1 s pause
            ["echo"] = true,
            ["user_input"] = "",
        };
        var result = ModuleResult.Ok(prompt is null ? stdout : $"{prompt} ({stdout})") with { Stdout = stdout, Data = data };
        return ModulePlan.Done(result);
    }

    private static string Timestamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
