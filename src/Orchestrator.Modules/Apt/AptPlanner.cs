using Orchestrator.Core.Matching;

namespace Orchestrator.Modules.Apt;

/// <summary>Compares the requested packages with what the host has: the pure decision of the apt module.</summary>
internal static class AptPlanner
{
    public static (AptChanges? Changes, string? Error) Decide(AptRequest request, AptFacts facts)
    {
        if (facts.Upgrade is { } simulation)
        {
            return simulation.Error is { } error
                ? (null, "apt cannot plan the upgrade: " + error)
                : (new AptChanges { Upgrade = simulation.Steps.Count > 0 ? request.Upgrade : null, Versions = simulation.Steps }, null);
        }

        if (request.Deb is { } file && facts.Deb is { } deb)
        {
            var installed = facts.Installed.GetValueOrDefault(deb.Name) is { IsInstalled: true } status ? status.Version : null;
            return installed == deb.Version
                ? (new AptChanges(), null)
                : (new AptChanges { Deb = file, Versions = [(deb.Name, installed ?? "absent", deb.Version)] }, null);
        }

        var install = new List<string>();
        var remove = new List<string>();
        var versions = new List<(string, string, string)>();
        foreach (var package in request.Packages)
        {
            var installed = facts.InstalledVersion(package);
            var policy = facts.Policies?.GetValueOrDefault(package.Name);
            var before = installed ?? "absent";
            if (request.State == "absent")
            {
                var status = facts.Installed.GetValueOrDefault(package.Name);
                var matches = package.Version is null || (installed is not null && VersionMatches(package, installed));
                if (status is not null && matches && (status.IsPresent || (request.Purge && status.HasConfigFiles)))
                {
                    remove.Add(package.Query);
                    versions.Add((package.Query, status.IsPresent ? status.Version : "config-files", "absent"));
                }

                continue;
            }

            if (installed is null && request.OnlyUpgrade)
            {
                continue;
            }

            var (word, after, error) = request.State == "latest" ? Latest(package, installed, policy) : Present(package, installed, policy);
            if (error is not null)
            {
                return (null, error);
            }

            if (word is not null)
            {
                install.Add(word);
                versions.Add((package.Query, before, after ?? "(candidate)"));
            }
        }

        var autoremove = request.Packages.Count == 0 && request.Autoremove ? facts.Autoremovable : [];
        return (new AptChanges { Install = install, Remove = remove, Autoremove = autoremove, Versions = versions }, null);
    }

    /// <returns>The apt-get word to install (null: nothing to do) and the version expected afterwards.</returns>
    private static (string? Word, string? After, string? Error) Present(AptPackage package, string? installed, AptPolicy? policy)
    {
        if (package.Version is null)
        {
            return installed is not null ? (null, null, null) : (package.Query, policy?.Candidate, null);
        }

        if (installed is not null && VersionMatches(package, installed))
        {
            return (null, null, null);
        }

        if (!package.IsGlob)
        {
            return ($"{package.Query}={package.Version}", package.Version, null);
        }

        // apt's own order of preference: the first known version matching the glob.
        var known = policy?.Versions ?? [];
        var chosen = known.FirstOrDefault(v => Glob.IsMatch(package.Version, v));
        if (chosen is null)
        {
            var available = known.Count == 0 ? "apt knows no version of it" : "known: " + string.Join(", ", known);
            return (null, null, $"no version of {package.Query} matches '{package.Version}' ({available})");
        }

        return ($"{package.Query}={chosen}", chosen, null);
    }

    private static (string? Word, string? After, string? Error) Latest(AptPackage package, string? installed, AptPolicy? policy)
    {
        var candidate = policy?.Candidate;
        if (candidate is null)
        {
            // Installed but no longer offered by any source: nothing newer to get. Not installed and unknown: apt says why.
            return installed is not null ? (null, null, null) : (package.Query, null, null);
        }

        return candidate == installed ? (null, null, null) : (package.Query, candidate, null);
    }

    private static bool VersionMatches(AptPackage package, string installed) =>
        package.IsGlob ? Glob.IsMatch(package.Version!, installed) : package.Version == installed;
}
