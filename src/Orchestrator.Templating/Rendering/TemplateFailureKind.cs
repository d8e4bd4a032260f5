namespace Orchestrator.Templating.Rendering;

internal enum TemplateFailureKind
{
    UndefinedVariable,
    Helper,
    Cycle,
    Other,
}
