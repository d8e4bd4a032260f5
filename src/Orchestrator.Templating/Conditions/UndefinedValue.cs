namespace Orchestrator.Templating.Conditions;

/// <summary>
/// The value of a path that does not exist. Only <c>is defined</c>, <c>is undefined</c> and the
/// <c>default</c> filter accept it; anything else that uses it reports "undefined variable" at <see cref="Offset"/>.
/// </summary>
internal sealed record UndefinedValue(string Name, int Offset);
