using System.Text;

namespace Orchestrator.Modules.Apt;

/// <summary>What apt would do: packages to install (apt-get words like <c>pkg=1.0-1</c>), to remove, or an autoremove.</summary>
internal sealed record AptChanges
{
    public IReadOnlyList<string> Install { get; init; } = [];

    public IReadOnlyList<string> Remove { get; init; } = [];

    public IReadOnlyList<string> Autoremove { get; init; } = [];

    /// <summary>The .deb file to install, set only when its version is not the installed one.</summary>
    public DebFile? Deb { get; init; }

    /// <summary>apt-get's whole-system upgrade command, set only when its simulation found something to do.</summary>
    public string? Upgrade { get; init; }

    /// <summary>"name version" (or "name absent") per requested package, before and after, for the diff.</summary>
    public IReadOnlyList<(string Name, string Before, string After)> Versions { get; init; } = [];

    public bool IsEmpty => Install.Count == 0 && Remove.Count == 0 && Autoremove.Count == 0 && Upgrade is null && Deb is null;

    public string Summary()
    {
        var parts = new List<string>();
        if (Install.Count > 0)
        {
            parts.Add("install " + string.Join(' ', Install));
        }

        if (Remove.Count > 0)
        {
            parts.Add("remove " + string.Join(' ', Remove));
        }

        if (Deb is not null)
        {
            parts.Add("install " + string.Join(' ', Versions.Select(v => v.Name + "=" + v.After)) + " from " + Deb.Source);
        }

        if (Upgrade is not null)
        {
            parts.Add(Upgrade.Split(' ')[0] + " " + string.Join(' ', Versions.Select(v => v.After == "absent" ? "-" + v.Name : v.Name)));
        }

        if (Autoremove.Count > 0)
        {
            parts.Add("autoremove " + string.Join(' ', Autoremove));
        }

        return string.Join("; ", parts);
    }

    public FileDiff Diff()
    {
        var before = new StringBuilder();
        var after = new StringBuilder();
        foreach (var (name, was, will) in Versions)
        {
            before.Append(name).Append(' ').Append(was).Append('\n');
            after.Append(name).Append(' ').Append(will).Append('\n');
        }

        foreach (var name in Autoremove)
        {
            before.Append(name).Append(" installed\n");
            after.Append(name).Append(" absent\n");
        }

        return new FileDiff("packages", before.ToString(), after.ToString());
    }
}
