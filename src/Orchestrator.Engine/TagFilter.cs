namespace Orchestrator.Engine;

/// <summary>
/// --tags / --skip-tags with Ansible's special tags: always, never, tagged, untagged, all. The order of the checks is
/// Ansible's own (Taggable.evaluate_tags), so its corner cases come out the same: <c>always</c> beats <c>never</c>,
/// and under <c>--skip-tags all</c> an always task runs unless always itself is skipped.
/// </summary>
internal sealed class TagFilter(IReadOnlyList<string> only, IReadOnlyList<string> skip)
{
    // Without --tags, ansible-playbook asks for "all".
    private readonly IReadOnlyList<string> only = only.Count == 0 ? ["all"] : only;

    public bool Selects(IReadOnlyList<string> taskTags)
    {
        var tagged = taskTags.Count > 0;

        // An untagged task carries the tag "untagged", so --tags untagged and --skip-tags untagged match it.
        var tags = new HashSet<string>(tagged ? taskTags : ["untagged"], StringComparer.Ordinal);
        var selected = tags.Contains("always")
            || (only.Contains("all") && !tags.Contains("never"))
            || only.Any(tags.Contains)
            || (only.Contains("tagged") && tagged && !tags.Contains("never"));
        if (!selected || skip.Count == 0)
        {
            return selected;
        }

        if (skip.Contains("all"))
        {
            return tags.Contains("always") && !skip.Contains("always");
        }

        return !skip.Any(tags.Contains) && !(skip.Contains("tagged") && tagged);
    }
}
