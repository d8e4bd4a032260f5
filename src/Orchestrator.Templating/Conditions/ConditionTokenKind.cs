namespace Orchestrator.Templating.Conditions;

internal enum ConditionTokenKind
{
    Name,
    Number,
    String,
    Symbol,
    End,
}
