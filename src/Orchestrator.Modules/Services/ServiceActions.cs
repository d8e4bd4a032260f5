using System.Text.RegularExpressions;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Services;

/// <summary>What the service module would do, as words for messages and as the commands of one init system.</summary>
internal sealed partial record ServiceActions(string? Action, bool? Enable, bool DaemonReload)
{
    public bool Any => Action is not null || Enable is not null || DaemonReload;

    public string Summary => string.Join(", ", new[] { DaemonReload ? "daemon-reload" : null, Enable switch { true => "enable", false => "disable", null => null }, Action }.Where(w => w is not null));

    /// <summary>The one command of the change. Upstart's enable/disable is a file (see <see cref="UpstartOverride"/>), not part of it.</summary>
    public string Command(string manager, string name)
    {
        var n = ShellQuote.Quote(name);
        var commands = new List<string>();
        switch (manager)
        {
            case "systemd":
                if (DaemonReload)
                {
                    commands.Add("systemctl daemon-reload");
                }

                if (Enable is { } enable)
                {
                    commands.Add($"systemctl {(enable ? "enable" : "disable")} -- {n}");
                }

                if (Action is { } action)
                {
                    commands.Add($"systemctl {action} -- {n}");
                }

                break;
            case "upstart":
                if (Action is { } job)
                {
                    commands.Add($"initctl {job} {n}");
                }

                break;
            default:
                if (Enable is { } links)
                {
                    // defaults makes the links when there are none; enable/disable then turns them to S or K.
                    commands.Add($"update-rc.d {n} defaults >/dev/null && update-rc.d {n} {(links ? "enable" : "disable")}");
                }

                if (Action is { } script)
                {
                    commands.Add($"/etc/init.d/{n} {script} </dev/null");
                }

                break;
        }

        return string.Join(" && ", commands);
    }

    /// <summary>The upstart .override text after enabling (no 'manual' line; null: remove the file) or disabling (a 'manual' line).</summary>
    public static string? UpstartOverride(string current, bool enable)
    {
        var lines = current.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !ManualLine().IsMatch(l))
            .ToList();
        var kept = string.Join('\n', lines).TrimEnd('\n');
        if (enable)
        {
            return kept.Trim().Length == 0 ? null : kept + "\n";
        }

        return (kept.Length == 0 ? "" : kept + "\n") + "manual\n";
    }

    [GeneratedRegex(@"^\s*manual\s*$")]
    private static partial Regex ManualLine();
}
