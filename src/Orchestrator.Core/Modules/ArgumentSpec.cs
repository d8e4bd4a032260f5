namespace Orchestrator.Core.Modules;

/// <summary>One declared module argument; <c>orchestrate modules NAME</c> prints these.</summary>
public sealed record ArgumentSpec(string Name, ArgumentType Type, string Description)
{
    public bool Required { get; init; }

    public object? Default { get; init; }

    /// <summary>Allowed values (compared as strings); empty = any.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The value is a secret: masked in every output channel.</summary>
    public bool Secret { get; init; }
}
