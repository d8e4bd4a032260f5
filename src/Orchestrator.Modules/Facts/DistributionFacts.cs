using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Facts;

/// <summary>distribution, its version and release (codename), and os_family, from os-release, lsb-release and debian_version.</summary>
internal static partial class DistributionFacts
{
    public static void Add(Dictionary<string, object?> facts, string? osRelease, string? lsbRelease, string? debianVersion)
    {
        var os = OsRelease.Parse(osRelease);
        var lsb = OsRelease.Parse(lsbRelease);
        var id = (os.GetValueOrDefault("ID") ?? lsb.GetValueOrDefault("DISTRIB_ID"))?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        facts["distribution"] = id;
        if (Version(id, os, lsb, debianVersion?.Trim()) is { Length: > 0 } version)
        {
            facts["distribution_version"] = version;
            facts["distribution_major_version"] = version.Split('.')[0];
        }

        if (Release(os, lsb, debianVersion?.Trim()) is { Length: > 0 } release)
        {
            facts["distribution_release"] = release;
        }

        facts["os_family"] = Family(id, os.GetValueOrDefault("ID_LIKE") ?? "");
    }

    // Debian's os-release says only "12"; Ansible reports /etc/debian_version's "12.5" (its major version matching).
    private static string? Version(string id, Dictionary<string, string> os, Dictionary<string, string> lsb, string? debianVersion)
    {
        var version = os.GetValueOrDefault("VERSION_ID") ?? lsb.GetValueOrDefault("DISTRIB_RELEASE");
        if (id == "debian" && debianVersion is { Length: > 0 } && char.IsAsciiDigit(debianVersion[0])
            && (version is null || debianVersion == version || debianVersion.StartsWith(version + ".", StringComparison.Ordinal)))
        {
            return debianVersion;
        }

        return version;
    }

    // Old releases (Ubuntu 14.04, Debian 8) have no VERSION_CODENAME: UBUNTU_CODENAME, lsb-release, then the
    // codename inside VERSION ("14.04.6 LTS, Trusty Tahr", "16.04.7 LTS (Xenial Xerus)", "8 (jessie)").
    private static string? Release(Dictionary<string, string> os, Dictionary<string, string> lsb, string? debianVersion)
    {
        var named = new[] { os.GetValueOrDefault("VERSION_CODENAME"), os.GetValueOrDefault("UBUNTU_CODENAME"), lsb.GetValueOrDefault("DISTRIB_CODENAME") }
            .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        if (named is not null)
        {
            return named.Trim().ToLowerInvariant();
        }

        if (VersionCodename().Match(os.GetValueOrDefault("VERSION") ?? "") is { Success: true } match)
        {
            return match.Groups["name"].Value.ToLowerInvariant();
        }

        // Debian testing/unstable: debian_version is "trixie/sid".
        return debianVersion is { Length: > 0 } && char.IsAsciiLetter(debianVersion[0]) ? debianVersion.Split('/')[0] : null;
    }

    private static string Family(string id, string like)
    {
        var names = like.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend(id).ToList();
        return names.Contains("debian") || names.Contains("ubuntu") ? "Debian"
            : names.Any(n => n is "rhel" or "fedora" or "centos") ? "RedHat"
            : names.Any(n => n is "suse" or "opensuse") ? "Suse"
            : names.Contains("arch") ? "Archlinux"
            : names.Contains("alpine") ? "Alpine"
            : char.ToUpperInvariant(id[0]) + id[1..];
    }

    [GeneratedRegex(@"(?:\(|,\s*)(?<name>[A-Za-z][A-Za-z-]*)")]
    private static partial Regex VersionCodename();
}
