using System.Text.RegularExpressions;

namespace Orchestrator.Inventory;

/// <summary>One part of a host pattern such as <c>&amp;web*</c> or <c>!db[0]</c>.</summary>
/// <param name="Expression">The part without its operator and subscript.</param>
/// <param name="Matcher">Null when <paramref name="Expression"/> is a plain name (matched exactly).</param>
internal sealed record PatternTerm(PatternOperator Operator, string Expression, Regex? Matcher, PatternSubscript? Subscript);
