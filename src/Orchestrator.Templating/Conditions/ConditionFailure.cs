namespace Orchestrator.Templating.Conditions;

/// <summary>A condition error at <see cref="Offset"/> in the condition text; the engine adds the location.</summary>
internal sealed class ConditionFailure(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
