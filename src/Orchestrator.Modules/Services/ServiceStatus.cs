namespace Orchestrator.Modules.Services;

/// <summary>What the service probe found: the init system and the service's state in it.</summary>
internal sealed record ServiceStatus(string Manager, bool Found, bool Running, bool Enabled)
{
    /// <summary>systemd: a unit without an [Install] section, which can be neither enabled nor disabled.</summary>
    public bool Static { get; init; }

    /// <summary>systemd: the unit file changed on disk since systemd read it.</summary>
    public bool NeedsDaemonReload { get; init; }

    /// <summary>Upstart: the job's .override file, "" when there is none.</summary>
    public string Override { get; init; } = "";

    /// <summary>What systemctl is-enabled said (or the upstart status line), for messages.</summary>
    public string Detail { get; init; } = "";

    public static ServiceStatus Parse(string record, string overrideContent)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in record.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var split = line.IndexOfAny([' ', '=']);
            if (split > 0)
            {
                values[line[..split]] = line[(split + 1)..].Trim();
            }
        }

        var manager = values.GetValueOrDefault("manager", "sysvinit");
        switch (manager)
        {
            case "systemd":
                var enabled = values.GetValueOrDefault("IsEnabled", "1").Split(' ', 2);
                var word = enabled.Length > 1 ? enabled[1] : "";
                return new ServiceStatus(
                    manager,
                    Found: values.GetValueOrDefault("LoadState", "not-found") != "not-found",
                    Running: values.GetValueOrDefault("ActiveState") is "active" or "activating" or "reloading",
                    Enabled: enabled[0] == "0" && word is not ("indirect" or "alias"))
                {
                    Static = word == "static",
                    NeedsDaemonReload = values.GetValueOrDefault("NeedDaemonReload") == "yes",
                    Detail = word,
                };
            case "upstart":
                var status = values.GetValueOrDefault("status", "");
                return new ServiceStatus(manager, values.ContainsKey("found"), status.Contains(" start/", StringComparison.Ordinal), !values.ContainsKey("manual"))
                {
                    Override = overrideContent,
                    Detail = status,
                };
            default:
                return new ServiceStatus(manager, values.ContainsKey("found"), values.GetValueOrDefault("status") == "0", values.ContainsKey("start-link"))
                {
                    Detail = values.GetValueOrDefault("status", ""),
                };
        }
    }
}
