namespace Orchestrator.Templating.Rendering;

internal enum MustacheKind
{
    Expression,
    Comment,
    BlockOpen,
    InverseOpen,
    BlockClose,
    Else,
    Partial,
    Decorator,
}
