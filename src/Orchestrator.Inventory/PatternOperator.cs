namespace Orchestrator.Inventory;

internal enum PatternOperator
{
    Union,
    Intersection,
    Exclusion,
}
