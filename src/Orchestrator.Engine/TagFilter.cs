namespace Orchestrator.Engine;

/// <summary>--tags / --skip-tags with Ansible's special tags: always, never, tagged, untagged, all.</summary>
internal sealed class TagFilter(IReadOnlyList<string> only, IReadOnlyList<string> skip)
{
    public bool Selects(IReadOnlyList<string> taskTags)
    {
        var tags = new HashSet<string>(taskTags, StringComparer.Ordinal);
        if (skip.Any(tags.Contains) || (skip.Contains("tagged") && tags.Count > 0) || (skip.Contains("untagged") && tags.Count == 0))
        {
            return false;
        }

        // --skip-tags all leaves only the always tasks, as in Ansible.
        if (skip.Contains("all") && !tags.Contains("always"))
        {
            return false;
        }

        var explicitlyAsked = only.Any(t => t != "all" && tags.Contains(t));
        if (tags.Contains("never") && !explicitlyAsked)
        {
            return false;
        }

        if (only.Count == 0 || only.Contains("all") || tags.Contains("always"))
        {
            return true;
        }

        return explicitlyAsked
               || (only.Contains("tagged") && tags.Count > 0)
               || (only.Contains("untagged") && tags.Count == 0);
    }
}
