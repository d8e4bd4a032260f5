namespace Orchestrator.Modules.Apt;

/// <summary>What <see cref="AptProbe"/> found on the host.</summary>
internal sealed record AptFacts
{
    public string? Error { get; init; }

    public IReadOnlyDictionary<string, DpkgStatus> Installed { get; init; } = new Dictionary<string, DpkgStatus>();

    /// <summary>Null when apt-cache policy was not needed.</summary>
    public IReadOnlyDictionary<string, AptPolicy>? Policies { get; init; }

    public IReadOnlyList<string> Autoremovable { get; init; } = [];

    /// <summary>The package name and version inside the requested .deb file; null when none was asked.</summary>
    public (string Name, string Version)? Deb { get; init; }

    /// <summary>The simulated whole-system upgrade; null when none was asked.</summary>
    public AptSimulation? Upgrade { get; init; }

    /// <summary>Seconds since the lists were last refreshed (newest of update-success-stamp and pkgcache.bin); null when not asked.</summary>
    public long? CacheAgeSeconds { get; init; }

    /// <summary>Unix time of that refresh, reported as cache_update_time.</summary>
    public long? CacheUpdated { get; init; }

    public string? ListsFingerprint { get; init; }

    public string? InstalledVersion(AptPackage package) =>
        Installed.GetValueOrDefault(package.Name) is { IsInstalled: true } status ? status.Version : null;
}
