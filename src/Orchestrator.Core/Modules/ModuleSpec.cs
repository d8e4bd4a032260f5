namespace Orchestrator.Core.Modules;

/// <summary>What a module accepts. Validation of every task against its spec happens before anything runs.</summary>
public sealed record ModuleSpec(string Name, string Description, IReadOnlyList<ArgumentSpec> Arguments)
{
    /// <summary>Free-form text after the module name ("command: ls -l") lands in this argument, e.g. "cmd"; null = not accepted.</summary>
    public string? FreeFormArgument { get; init; }

    /// <summary>Any key is accepted (set_fact).</summary>
    public bool AcceptsAnyArguments { get; init; }

    /// <summary>Groups of arguments of which at least one must be given (e.g. copy: src or content).</summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredOneOf { get; init; } = [];

    /// <summary>Groups of arguments that must not be given together.</summary>
    public IReadOnlyList<IReadOnlyList<string>> MutuallyExclusive { get; init; } = [];

    public ArgumentSpec? Find(string name) =>
        Arguments.FirstOrDefault(a => a.Name == name || a.Aliases.Contains(name));
}
