namespace Orchestrator.Templating.Values;

/// <summary>
/// Equality and ordering with Jinja's (Python's) rules: long and double compare by value (and a bool counts
/// as 1 or 0, as in Python), strings compare ordinally, lists and mappings element by element. A number never
/// equals a string, even a numeric one (<c>1 == "1"</c> is false), and ordering a number against a string is
/// an error rather than a guess.
/// </summary>
internal static class ValueComparison
{
    public static bool AreEqual(object? left, object? right)
    {
        left = PlainValue.Scalar(left);
        right = PlainValue.Scalar(right);
        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left!, right!) == 0;
        }

        return (left, right) switch
        {
            (null, null) => true,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => ListsEqual(a, b),
            (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) => MappingsEqual(a, b),
            _ => false,
        };
    }

    /// <summary>Orders two values; false when they cannot be ordered (a number against a string, null...).</summary>
    public static bool TryCompare(object? left, object? right, out int order)
    {
        left = PlainValue.Scalar(left);
        right = PlainValue.Scalar(right);
        if (IsNumber(left) && IsNumber(right))
        {
            order = CompareNumbers(left!, right!);
            return true;
        }

        if (left is string a && right is string b)
        {
            order = Math.Sign(string.CompareOrdinal(a, b));
            return true;
        }

        order = 0;
        return false;
    }

    public static bool IsNumber(object? value) => value is long or double or bool;

    private static int CompareNumbers(object left, object right)
    {
        if (left is double || right is double)
        {
            return AsDouble(left).CompareTo(AsDouble(right));
        }

        return AsLong(left).CompareTo(AsLong(right));
    }

    private static double AsDouble(object value) => value switch
    {
        double number => number,
        long number => number,
        bool flag => flag ? 1 : 0,
        _ => throw new InvalidOperationException("not a number"),
    };

    private static long AsLong(object value) => value switch
    {
        long number => number,
        bool flag => flag ? 1 : 0,
        _ => throw new InvalidOperationException("not a whole number"),
    };

    private static bool ListsEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MappingsEqual(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
