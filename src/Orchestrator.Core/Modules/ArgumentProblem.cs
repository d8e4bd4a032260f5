namespace Orchestrator.Core.Modules;

/// <param name="Argument">The argument the problem is about, so the parser can point at its line.</param>
public sealed record ArgumentProblem(string Argument, string Message);
