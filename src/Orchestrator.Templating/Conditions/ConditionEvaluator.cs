using System.Globalization;
using Orchestrator.Templating.Rendering;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Conditions;

/// <summary>
/// Evaluates a parsed condition against (lazy) variables. A missing path evaluates to an
/// <see cref="UndefinedValue"/> which only <c>is defined</c>/<c>is undefined</c>/<c>default</c> accept; any
/// other use is an "undefined variable" error at the path. <c>and</c>/<c>or</c> short-circuit and return an
/// operand, as in Python, so the right side of <c>x is defined and x.y</c> is never looked at when x is missing.
/// </summary>
internal sealed class ConditionEvaluator(IReadOnlyDictionary<string, object?> variables)
{
    public bool IsTrue(Expr expression) => Truthiness.IsTrue(Require(expression));

    /// <summary>The value of an expression; an undefined result is an error.</summary>
    public object? Require(Expr expression) => Evaluate(expression) switch
    {
        UndefinedValue undefined => throw new ConditionFailure(undefined.Offset, $"undefined variable '{undefined.Name}'"),
        var value => value,
    };

    private object? Evaluate(Expr expression) => expression switch
    {
        LiteralExpr literal => literal.Value,
        ListExpr list => list.Items.Select(Require).ToList(),
        NameExpr name => Lookup(variables, name.Name, name.Name, name.Offset),
        MemberExpr member => Member(member),
        IndexExpr index => Index(index),
        NotExpr not => !IsTrue(not.Operand),
        NegateExpr negate => Negate(negate),
        LogicalExpr logical => Logical(logical),
        CompareExpr compare => Compare(compare),
        TestExpr test => ConditionTests.Apply(test, Evaluate(test.Target)) != test.Negated,
        FilterExpr filter => ConditionFilters.Apply(filter, Evaluate(filter.Target), filter.Arguments.Select(Require).ToList()),
        _ => throw new ConditionFailure(expression.Offset, "unsupported expression"),
    };

    private object? Logical(LogicalExpr logical)
    {
        var left = Require(logical.Left);
        var leftIsTrue = Truthiness.IsTrue(left);
        if (logical.Operator == LogicalOperator.And ? !leftIsTrue : leftIsTrue)
        {
            return left;
        }

        return Require(logical.Right);
    }

    private object? Member(MemberExpr member)
    {
        var target = Evaluate(member.Target);
        if (target is UndefinedValue)
        {
            return target;
        }

        var path = PathOf(member);
        return target switch
        {
            IReadOnlyDictionary<string, object?> mapping => Lookup(mapping, member.Member, path, member.Offset),
            IReadOnlyList<object?> list when int.TryParse(member.Member, NumberStyles.None, CultureInfo.InvariantCulture, out var position) =>
                ItemAt(list, position, path, member.Offset),
            _ => new UndefinedValue(path, member.Offset),
        };
    }

    private object? Index(IndexExpr index)
    {
        var target = Evaluate(index.Target);
        var key = Require(index.Index);
        if (target is UndefinedValue)
        {
            return target;
        }

        var path = PathOf(index.Target) + "[" + ValueText.Display(key) + "]";
        return (target, PlainValue.Scalar(key)) switch
        {
            (IReadOnlyList<object?> list, long position) => ItemAt(list, position, path, index.Offset),
            (IReadOnlyDictionary<string, object?> mapping, var name and (string or long)) => Lookup(mapping, ValueText.Display(name), path, index.Offset),
            (string text, long position) when position >= -text.Length && position < text.Length =>
                text[(int)(position < 0 ? position + text.Length : position)].ToString(),
            _ => new UndefinedValue(path, index.Offset),
        };
    }

    private static object? ItemAt(IReadOnlyList<object?> list, long position, string path, int offset)
    {
        var actual = position < 0 ? position + list.Count : position;
        return actual >= 0 && actual < list.Count ? list[(int)actual] : new UndefinedValue(path, offset);
    }

    /// <summary>A mapping lookup; errors rendering a lazy variable's value are placed at this path.</summary>
    private static object? Lookup(IReadOnlyDictionary<string, object?> mapping, string key, string path, int offset)
    {
        try
        {
            return mapping.TryGetValue(key, out var value) ? value : new UndefinedValue(path, offset);
        }
        catch (TemplateFailure failure)
        {
            throw new ConditionFailure(offset, failure.Message);
        }
    }

    private object? Negate(NegateExpr negate) => PlainValue.Scalar(Require(negate.Operand)) switch
    {
        long number => (object)(-number),
        double number => -number,
        var other => throw new ConditionFailure(negate.Offset, $"cannot negate {ValueText.Describe(other)}"),
    };

    private bool Compare(CompareExpr compare)
    {
        var left = Require(compare.Left);
        var right = Require(compare.Right);
        switch (compare.Operator)
        {
            case CompareOperator.Equal:
                return ValueComparison.AreEqual(left, right);
            case CompareOperator.NotEqual:
                return !ValueComparison.AreEqual(left, right);
            case CompareOperator.In:
                return Contains(compare, left, right);
            case CompareOperator.NotIn:
                return !Contains(compare, left, right);
            default:
                if (!ValueComparison.TryCompare(left, right, out var order))
                {
                    throw new ConditionFailure(compare.Offset, $"cannot compare {ValueText.Describe(left)} with {ValueText.Describe(right)}");
                }

                return compare.Operator switch
                {
                    CompareOperator.Less => order < 0,
                    CompareOperator.LessOrEqual => order <= 0,
                    CompareOperator.Greater => order > 0,
                    _ => order >= 0,
                };
        }
    }

    private static bool Contains(CompareExpr compare, object? item, object? container) => container switch
    {
        IReadOnlyList<object?> list => list.Any(element => ValueComparison.AreEqual(item, element)),
        IReadOnlyDictionary<string, object?> mapping => item is string key && mapping.ContainsKey(key),
        string text when item is string part => text.Contains(part, StringComparison.Ordinal),
        string => throw new ConditionFailure(compare.Offset, $"'in' a string needs a string on the left, got {ValueText.Describe(item)}"),
        _ => throw new ConditionFailure(compare.Offset, $"'in' needs a list, mapping or string on the right, got {ValueText.Describe(container)}"),
    };

    private static string PathOf(Expr expression) => expression switch
    {
        NameExpr name => name.Name,
        MemberExpr member => PathOf(member.Target) + "." + member.Member,
        IndexExpr index => PathOf(index.Target) + "[...]",
        _ => "(expression)",
    };
}
