namespace Orchestrator.Engine;

/// <summary>
/// The variable names that can be defined at one place of a playbook (for <see cref="UndefinedVariableCheck"/>).
/// Immutable: an inner scope (block, task, loop) is a new set with more names.
/// </summary>
internal sealed class KnownNames
{
    private readonly HashSet<string> names;

    private KnownNames(HashSet<string> names, bool everything)
    {
        this.names = names;
        IsEverything = everything;
    }

    /// <summary>Used where the check cannot know the names (a templated vars_files name): nothing is reported.</summary>
    public static KnownNames Everything { get; } = new([], everything: true);

    public bool IsEverything { get; }

    public static KnownNames Of(IEnumerable<string> names) => new(new HashSet<string>(names, StringComparer.Ordinal), everything: false);

    public KnownNames With(IEnumerable<string> more)
    {
        if (IsEverything)
        {
            return this;
        }

        var added = new HashSet<string>(names, StringComparer.Ordinal);
        added.UnionWith(more);
        return added.Count == names.Count ? this : new KnownNames(added, everything: false);
    }

    public bool Contains(string name) => IsEverything || names.Contains(name);
}
