using System.Globalization;
using System.Text;

namespace Orchestrator.Templating.Conditions;

/// <summary>Splits a condition into names, numbers, strings and symbols, each with its offset in the text.</summary>
internal static class ConditionTokenizer
{
    private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ",", ".", "|", "-"];

    public static List<ConditionToken> Tokenize(string text, int start, int end)
    {
        var tokens = new List<ConditionToken>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var from = i;
                while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new ConditionToken(ConditionTokenKind.Name, text[from..i], null, from));
            }
            else if (char.IsAsciiDigit(c))
            {
                var afterDot = tokens.Count > 0 && tokens[^1].Is(".");
                tokens.Add(Number(text, ref i, end, afterDot));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(String(text, ref i, end));
            }
            else
            {
                tokens.Add(Symbol(text, ref i, end));
            }
        }

        tokens.Add(new ConditionToken(ConditionTokenKind.End, "end of condition", null, end));
        return tokens;
    }

    /// <param name="integerOnly">After a dot (<c>a.0.1</c>) a number is a list index, never a fraction.</param>
    private static ConditionToken Number(string text, ref int i, int end, bool integerOnly)
    {
        var from = i;
        Digits(text, ref i, end);
        var isReal = false;
        if (!integerOnly && i + 1 < end && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isReal = true;
            i++;
            Digits(text, ref i, end);
        }

        if (!integerOnly && i < end && text[i] is 'e' or 'E')
        {
            var mark = i;
            i++;
            if (i < end && text[i] is '+' or '-')
            {
                i++;
            }

            if (i < end && char.IsAsciiDigit(text[i]))
            {
                isReal = true;
                Digits(text, ref i, end);
            }
            else
            {
                i = mark;
            }
        }

        var literal = text[from..i];
        if (isReal)
        {
            return new ConditionToken(ConditionTokenKind.Number, literal, double.Parse(literal, CultureInfo.InvariantCulture), from);
        }

        return long.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
            ? new ConditionToken(ConditionTokenKind.Number, literal, whole, from)
            : throw new ConditionFailure(from, $"number '{literal}' is too large");
    }

    private static void Digits(string text, ref int i, int end)
    {
        while (i < end && (char.IsAsciiDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }
    }

    private static ConditionToken String(string text, ref int i, int end)
    {
        var from = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < end && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < end)
            {
                i++;
                value.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', var other => other });
            }
            else
            {
                value.Append(text[i]);
            }

            i++;
        }

        if (i >= end)
        {
            throw new ConditionFailure(from, $"string starting here is never closed with {quote}");
        }

        i++;
        return new ConditionToken(ConditionTokenKind.String, text[from..i], value.ToString(), from);
    }

    private static ConditionToken Symbol(string text, ref int i, int end)
    {
        foreach (var symbol in Symbols)
        {
            if (i + symbol.Length <= end && string.CompareOrdinal(text, i, symbol, 0, symbol.Length) == 0)
            {
                var token = new ConditionToken(ConditionTokenKind.Symbol, symbol, null, i);
                i += symbol.Length;
                return token;
            }
        }

        var hint = text[i] switch
        {
            '=' => " (compare with '==')",
            '!' => " (negate with 'not')",
            '&' => " (use 'and')",
            '{' or '}' => " (a condition is an expression: write the variable without '{{ }}')",
            _ => "",
        };
        throw new ConditionFailure(i, $"unexpected character '{text[i]}'{hint}");
    }
}
