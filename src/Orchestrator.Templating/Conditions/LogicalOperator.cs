namespace Orchestrator.Templating.Conditions;

internal enum LogicalOperator
{
    And,
    Or,
}
