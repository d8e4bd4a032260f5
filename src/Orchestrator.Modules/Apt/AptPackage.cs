using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Apt;

/// <summary>One item of apt's name list: <c>pkg</c>, <c>pkg=1.4.0-2</c> (pinned) or <c>pkg=1.4.*</c> (a version glob); <c>pkg:arch</c> too.</summary>
internal sealed partial record AptPackage(string Name, string? Architecture, string? Version)
{
    public bool IsGlob => Version is not null && Version.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>What apt-get and dpkg-query are given for the name: <c>pkg</c> or <c>pkg:arch</c>.</summary>
    public string Query => Architecture is null ? Name : Name + ":" + Architecture;

    public static (AptPackage? Package, string? Error) Parse(string item)
    {
        var text = item.Trim();
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? text : text[..equals];
        var version = equals < 0 ? null : text[(equals + 1)..];
        if (!NamePattern().IsMatch(name))
        {
            return (null, $"'{item}' is not a package name (letters, digits, '+', '-', '.', optionally ':arch')");
        }

        if (version is not null && !VersionPattern().IsMatch(version))
        {
            return (null, $"'{item}': '{version}' is not a package version (or a glob of one, like 1.4.*)");
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (new AptPackage(name, null, version), null)
            : (new AptPackage(name[..colon], name[(colon + 1)..], version), null);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9+.-]*(:[A-Za-z0-9-]+)?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9.+~:*?\[\]-]+$")]
    private static partial Regex VersionPattern();
}
