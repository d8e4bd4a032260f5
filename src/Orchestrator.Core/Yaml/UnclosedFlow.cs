namespace Orchestrator.Core.Yaml;

/// <summary>
/// Finds the '[' or '{' that a YAML text never closes. YamlDotNet notices an unclosed flow collection only at
/// the end of the input, so its own position points past the last line; the opening bracket is what to fix.
/// A light scan, not a parser: quoted scalars, comments and block scalars are skipped, and a bracket counts
/// as opening only where a value can start (so "a: x[1]" is plain text).
/// </summary>
internal static class UnclosedFlow
{
    /// <returns>0-based line and column of the innermost unclosed bracket, or null.</returns>
    public static (int Line, int Column)? Find(string[] lines)
    {
        var open = new Stack<(int Line, int Column)>();
        char? quote = null;
        var blockIndent = -1;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var indent = line.Length - line.TrimStart(' ').Length;
            if (blockIndent >= 0 && (line.Trim().Length == 0 || indent > blockIndent))
            {
                continue;
            }

            blockIndent = -1;
            var previous = '\0';
            for (var column = 0; column < line.Length; column++)
            {
                var c = line[column];
                if (quote is not null)
                {
                    if (c == '\\' && quote == '"')
                    {
                        column++;
                    }
                    else if (c == quote)
                    {
                        quote = null;
                        previous = c;
                    }

                    continue;
                }

                if (c is ' ' or '\t')
                {
                    continue;
                }

                var valueStarts = previous is '\0' or ':' or '-' or '?' or ',' or '[' or '{';
                if (c == '#' && (column == 0 || line[column - 1] is ' ' or '\t'))
                {
                    break;
                }

                if (c is '\'' or '"' && valueStarts)
                {
                    quote = c;
                }
                else if (c is '[' or '{' && (valueStarts || open.Count > 0))
                {
                    open.Push((index, column));
                }
                else if (c is ']' or '}' && open.Count > 0)
                {
                    open.Pop();
                }
                else if (c is '|' or '>' && valueStarts && open.Count == 0 && line[(column + 1)..].Trim().TrimStart('+', '-', '1', '2', '3', '4', '5', '6', '7', '8', '9').Length == 0)
                {
                    blockIndent = indent;
                    break;
                }

                previous = c;
            }
        }

        return open.Count > 0 ? open.Peek() : null;
    }
}
