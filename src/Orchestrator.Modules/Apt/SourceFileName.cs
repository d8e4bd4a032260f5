using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Apt;

/// <summary>apt_repository's file name: given, or derived from the source's URI as Ansible derives it.</summary>
internal static partial class SourceFileName
{
    /// <summary>"http://user:pw@repos.mesosphere.com/ubuntu" gives "repos_mesosphere_com_ubuntu".</summary>
    public static string Derive(SourceLine line)
    {
        var location = SchemePattern().Replace(line.Uri, "");
        var at = location.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            location = location[(at + 1)..];
        }

        return string.Join('_', NonAlphanumeric().Replace(location, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <returns>The name without ".list", or an error: apt ignores files named with other characters.</returns>
    public static (string? Name, string? Error) Check(string name)
    {
        var bare = name.EndsWith(".list", StringComparison.Ordinal) ? name[..^5] : name;
        return ValidName().IsMatch(bare)
            ? (bare, null)
            : (null, $"filename '{name}': apt only reads sources.list.d files named with letters, digits, '_', '-' and '.'");
    }

    [GeneratedRegex(@"^\w+://")]
    private static partial Regex SchemePattern();

    [GeneratedRegex("[^a-zA-Z0-9]")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex ValidName();
}
