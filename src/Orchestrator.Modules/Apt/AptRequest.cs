using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Apt;

/// <summary>apt's arguments, read and checked once.</summary>
internal sealed record AptRequest
{
    public required IReadOnlyList<AptPackage> Packages { get; init; }

    /// <summary>present, latest or absent (installed and removed mapped).</summary>
    public required string State { get; init; }

    public bool UpdateCache { get; init; }

    public long CacheValidTime { get; init; }

    public bool? InstallRecommends { get; init; }

    public bool Purge { get; init; }

    public bool Autoremove { get; init; }

    public bool AllowDowngrade { get; init; }

    public string? DefaultRelease { get; init; }

    public IReadOnlyList<string> DpkgOptions { get; init; } = [];

    public long LockTimeout { get; init; } = 60;

    /// <summary>The whole-system upgrade asked for: apt-get's <c>upgrade --with-new-pkgs</c> or <c>dist-upgrade</c>; null for none.</summary>
    public string? Upgrade { get; init; }

    /// <summary>A .deb file (on the host, or a URL) to install instead of named packages.</summary>
    public DebFile? Deb { get; init; }

    /// <summary>Packages that are not installed are left alone (apt-get --only-upgrade).</summary>
    public bool OnlyUpgrade { get; init; }

    public bool NeedsPolicy(bool diff) => State != "absent" && Packages.Count > 0 && (State == "latest" || diff || Packages.Any(p => p.IsGlob));

    public static (AptRequest? Request, string? Error) From(ModuleArguments arguments)
    {
        var state = arguments.GetString("state") switch { "installed" => "present", "removed" => "absent", var s => s ?? "present" };
        var names = arguments.GetStringList("name").Where(i => i.Trim().Length > 0).ToList();
        var upgrade = UpgradeCommand(arguments.GetString("upgrade"));
        if (names.Contains("*"))
        {
            // Ansible's spelling of "upgrade every installed package": its safe upgrade.
            if (state != "latest" || names.Count > 1)
            {
                return (null, "name '*' (every installed package) goes alone and with state=latest; use upgrade for a whole-system upgrade");
            }

            (names, upgrade) = ([], UpgradeCommand("safe"));
        }

        var packages = new List<AptPackage>();
        foreach (var item in names)
        {
            var (package, error) = AptPackage.Parse(item);
            if (error is not null)
            {
                return (null, error);
            }

            packages.Add(package!);
        }

        if (state == "latest" && packages.FirstOrDefault(p => p.Version is not null) is { } pinned)
        {
            return (null, $"state=latest cannot be combined with a version ({pinned.Name}={pinned.Version}); use state=present to pin");
        }

        var deb = arguments.GetString("deb") is { Length: > 0 } source ? new DebFile(source) : null;
        if (deb is not null && state != "present")
        {
            return (null, $"deb installs a package file: state must be present, not {state}");
        }

        var validTime = arguments.GetInt("cache_valid_time") ?? 0;
        var lockTimeout = arguments.GetInt("lock_timeout") ?? 60;
        if (validTime < 0 || lockTimeout < 0)
        {
            return (null, "cache_valid_time and lock_timeout must not be negative");
        }

        var options = (arguments.GetString("dpkg_options") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (options.FirstOrDefault(o => !o.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '=' or '_' or '.' or '/')) is { } bad)
        {
            return (null, $"dpkg_options: '{bad}' is not a dpkg option name (like force-confold)");
        }

        return (new AptRequest
        {
            Packages = packages,
            State = state,
            // As in Ansible, a cache_valid_time asks for the update by itself.
            UpdateCache = arguments.GetBool("update_cache") || validTime > 0,
            CacheValidTime = validTime,
            InstallRecommends = arguments.GetRaw("install_recommends") as bool?,
            Purge = arguments.GetBool("purge"),
            Autoremove = arguments.GetBool("autoremove"),
            AllowDowngrade = arguments.GetBool("allow_downgrade"),
            DefaultRelease = arguments.GetString("default_release"),
            DpkgOptions = options,
            LockTimeout = lockTimeout,
            Upgrade = upgrade,
            OnlyUpgrade = arguments.GetBool("only_upgrade"),
            Deb = deb,
        }, null);
    }

    // Without aptitude (never installed by default on Debian), Ansible runs the safe and full modes with apt-get too.
    private static string? UpgradeCommand(string? mode) => mode switch
    {
        "yes" or "safe" => "upgrade --with-new-pkgs",
        "full" or "dist" => "dist-upgrade",
        _ => null,
    };
}
