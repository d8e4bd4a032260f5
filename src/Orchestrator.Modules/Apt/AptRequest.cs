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

    public bool NeedsPolicy(bool diff) => State != "absent" && Packages.Count > 0 && (State == "latest" || diff || Packages.Any(p => p.IsGlob));

    public static (AptRequest? Request, string? Error) From(ModuleArguments arguments)
    {
        var packages = new List<AptPackage>();
        foreach (var item in arguments.GetStringList("name").Where(i => i.Trim().Length > 0))
        {
            var (package, error) = AptPackage.Parse(item);
            if (error is not null)
            {
                return (null, error);
            }

            packages.Add(package!);
        }

        var state = arguments.GetString("state") switch { "installed" => "present", "removed" => "absent", var s => s ?? "present" };
        if (state == "latest" && packages.FirstOrDefault(p => p.Version is not null) is { } pinned)
        {
            return (null, $"state=latest cannot be combined with a version ({pinned.Name}={pinned.Version}); use state=present to pin");
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
        }, null);
    }
}
