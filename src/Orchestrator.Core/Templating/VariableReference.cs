using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Templating;

/// <summary>A variable a template or condition reads, as found without rendering it (for the check before a run).</summary>
/// <param name="Name">The root name, the one that must be defined: <c>conf</c> for <c>conf.stat.size</c>, <c>x</c> for <c>@root.x</c>.</param>
/// <param name="Path">The path as written (<c>conf.stat.size</c>, <c>@root.x</c>, <c>hostvars[inventory_hostname]</c>).</param>
/// <param name="Location">Where the reference itself is written (inside the string or template file).</param>
/// <param name="Guarded">
/// The reference may legitimately be undefined: it is tested with <c>is defined</c>/<c>is undefined</c>, given a
/// <c>default</c>, or read as a condition (<c>{{#if x}}</c>, <c>and</c>/<c>or</c>/<c>not</c>) that takes undefined as false.
/// </param>
public sealed record VariableReference(string Name, string Path, SourceLocation Location, bool Guarded = false);
