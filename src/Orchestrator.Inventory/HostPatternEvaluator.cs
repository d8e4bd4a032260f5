using System.Text.RegularExpressions;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>
/// Applies parsed pattern terms as Ansible does: every union first, then intersections, then exclusions
/// (a pattern of only '&amp;'/'!' parts starts from "all"). The result is in inventory order.
/// </summary>
internal sealed class HostPatternEvaluator(HostInventory inventory, SourceLocation location)
{
    public IReadOnlyList<string> Resolve(IReadOnlyList<PatternTerm> terms, string pattern)
    {
        var unions = terms.Where(t => t.Operator == PatternOperator.Union).ToList();
        if (unions.Count == 0)
        {
            unions.Add(new PatternTerm(PatternOperator.Union, InventoryDraft.AllGroup, null, null));
        }

        var selected = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var term in unions)
            {
                selected.UnionWith(Match(term));
            }

            foreach (var term in terms.Where(t => t.Operator == PatternOperator.Intersection))
            {
                selected.IntersectWith(Match(term));
            }

            foreach (var term in terms.Where(t => t.Operator == PatternOperator.Exclusion))
            {
                selected.ExceptWith(Match(term));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw new UserErrorException(location, $"host pattern '{pattern}': the regular expression takes too long to match");
        }

        return selected.OrderBy(inventory.OrderOf).ThenBy(h => h, StringComparer.Ordinal).ToList();
    }

    /// <summary>The hosts of one term in Ansible's match order (which is what subscripts count in).</summary>
    private IReadOnlyList<string> Match(PatternTerm term)
    {
        var found = term.Matcher is null ? MatchName(term.Expression) : MatchExpression(term.Matcher);
        return term.Subscript is { } subscript ? subscript.Apply(found) : found;
    }

    // A plain name: a host of that name, else a group, else an implicit localhost.
    private IReadOnlyList<string> MatchName(string name)
    {
        if (inventory.FindHost(name) is not null)
        {
            return [name];
        }

        if (inventory.GroupsMagic.TryGetValue(name, out var members))
        {
            return members;
        }

        return inventory.IsKnown(name) ? [name] : [];
    }

    private List<string> MatchExpression(Regex matcher)
    {
        var found = inventory.Groups
            .Where(g => matcher.IsMatch(g.Name))
            .SelectMany(g => inventory.GroupsMagic[g.Name])
            .Concat(inventory.Hosts.Select(h => h.Name).Where(name => matcher.IsMatch(name)));
        return found.Distinct(StringComparer.Ordinal).ToList();
    }
}
