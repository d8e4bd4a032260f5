namespace Orchestrator.Templating.Conditions;

/// <param name="Value">A number's or string's value (long, double or string).</param>
internal sealed record ConditionToken(ConditionTokenKind Kind, string Text, object? Value, int Offset)
{
    public bool Is(string symbol) => Kind == ConditionTokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string keyword) => Kind == ConditionTokenKind.Name && Text == keyword;
}
