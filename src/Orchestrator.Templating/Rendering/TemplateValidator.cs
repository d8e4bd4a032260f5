using Orchestrator.Templating.Helpers;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Structural checks Handlebars.Net either does without a position or does not do at all: blocks that are
/// never closed or closed by the wrong name, <c>{{else}}</c> outside a block, unknown helpers (a typo would
/// otherwise only fail at run time, or silently render as a path), partials and decorators (not supported).
/// </summary>
internal static class TemplateValidator
{
    private static readonly HashSet<string> BlockHelpers = new(["if", "unless", "each", "with"], StringComparer.Ordinal);

    public static void Check(IReadOnlyList<Mustache> mustaches)
    {
        var open = new Stack<Mustache>();
        foreach (var mustache in mustaches)
        {
            switch (mustache.Kind)
            {
                case MustacheKind.BlockOpen or MustacheKind.InverseOpen:
                    CheckBlockOpen(mustache);
                    open.Push(mustache);
                    break;
                case MustacheKind.BlockClose:
                    CheckBlockClose(mustache, open);
                    break;
                case MustacheKind.Else:
                    if (open.Count == 0)
                    {
                        throw new TemplateSyntaxError(mustache.Start, "'{{else}}' outside of a block");
                    }

                    CheckChainedElse(mustache);
                    break;
                case MustacheKind.Expression:
                    if (mustache.Body.Length == 0)
                    {
                        throw new TemplateSyntaxError(mustache.Start, "empty expression '{{ }}'");
                    }

                    CheckCalls(MustacheTokenizer.Tokenize(mustache), topLevelCall: true);
                    break;
                case MustacheKind.Partial:
                    throw new TemplateSyntaxError(mustache.Start, "partials ('{{> name}}') are not supported");
                case MustacheKind.Decorator:
                    throw new TemplateSyntaxError(mustache.Start, "decorators ('{{* name}}') are not supported");
                default:
                    break;
            }
        }

        if (open.Count > 0)
        {
            var unclosed = open.Peek();
            throw new TemplateSyntaxError(unclosed.Start, $"'{{{{#{unclosed.Name}}}}}' is never closed with '{{{{/{unclosed.Name}}}}}'");
        }
    }

    private static void CheckBlockOpen(Mustache mustache)
    {
        var tokens = MustacheTokenizer.Tokenize(mustache);
        if (tokens.Count == 0 || tokens[0].Kind != MustacheTokenKind.Word)
        {
            throw new TemplateSyntaxError(mustache.Start, "a block needs a name, as in '{{#if condition}}'");
        }

        var name = tokens[0].Text;
        if (mustache.Kind == MustacheKind.BlockOpen && !BlockHelpers.Contains(name))
        {
            throw new TemplateSyntaxError(tokens[0].Offset, $"unknown block helper '#{name}' (blocks are #if, #unless, #each and #with)");
        }

        if (mustache.Kind == MustacheKind.BlockOpen && tokens.Count < 2)
        {
            throw new TemplateSyntaxError(mustache.Start, $"'{{{{#{name}}}}}' needs an argument");
        }

        CheckCalls(tokens.Skip(1).ToList(), topLevelCall: false);
    }

    private static void CheckBlockClose(Mustache mustache, Stack<Mustache> open)
    {
        if (open.Count == 0)
        {
            throw new TemplateSyntaxError(mustache.Start, $"'{{{{/{mustache.Name}}}}}' closes no open block");
        }

        var opener = open.Pop();
        if (!string.Equals(opener.Name, mustache.Name, StringComparison.Ordinal))
        {
            throw new TemplateSyntaxError(mustache.Start, $"'{{{{/{mustache.Name}}}}}' does not close the open '{{{{#{opener.Name}}}}}'");
        }
    }

    private static void CheckChainedElse(Mustache mustache)
    {
        var tokens = MustacheTokenizer.Tokenize(mustache);
        if (tokens.Count < 2)
        {
            return;
        }

        if (tokens[1].Kind != MustacheTokenKind.Word || !BlockHelpers.Contains(tokens[1].Text))
        {
            throw new TemplateSyntaxError(tokens[1].Offset, $"'{{{{else {tokens[1].Text}}}}}' is not a block helper (use 'else if')");
        }

        if (tokens.Count < 3)
        {
            throw new TemplateSyntaxError(mustache.Start, $"'{{{{else {tokens[1].Text}}}}}' needs an argument");
        }

        CheckCalls(tokens.Skip(2).ToList(), topLevelCall: false);
    }

    /// <summary>Every helper named in a call (<c>{{name arg}}</c> or <c>(name arg)</c>) must exist.</summary>
    private static void CheckCalls(List<MustacheToken> tokens, bool topLevelCall)
    {
        if (topLevelCall && tokens.Count > 1 && tokens[0].Kind == MustacheTokenKind.Word)
        {
            RequireHelper(tokens[0]);
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != MustacheTokenKind.Open)
            {
                continue;
            }

            if (i + 1 >= tokens.Count || tokens[i + 1].Kind != MustacheTokenKind.Word)
            {
                throw new TemplateSyntaxError(tokens[i].Offset, "a subexpression '( )' must start with a helper name");
            }

            RequireHelper(tokens[i + 1]);
        }
    }

    private static void RequireHelper(MustacheToken name)
    {
        if (!HelperRegistry.IsKnown(name.Text))
        {
            throw new TemplateSyntaxError(name.Offset, $"unknown helper '{name.Text}'");
        }
    }
}
