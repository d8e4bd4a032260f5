using HandlebarsDotNet;
using Orchestrator.Templating.Rendering;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// A helper's arguments as plain-ish values (Handlebars' int literals become long). An undefined argument is
/// an "undefined variable" error unless the helper asks with <see cref="IsUndefined"/> first (as <c>default</c> does).
/// </summary>
internal readonly struct HelperArguments(string helper, Arguments arguments)
{
    public int Count => arguments.Length;

    public string Helper => helper;

    public bool IsUndefined(int index) => arguments[index] is UndefinedBindingResult;

    /// <summary>The value, with undefined read as null (for the logic helpers, like <c>{{#if}}</c>).</summary>
    public object? ValueOrNull(int index) => IsUndefined(index) ? null : PlainValue.Scalar(arguments[index]);

    public object? Value(int index) => arguments[index] switch
    {
        UndefinedBindingResult undefined => throw TemplateFailure.Undefined(undefined.Value),
        var value => PlainValue.Scalar(value),
    };

    public string Text(int index) => ValueText.Display(Value(index));

    public long Integer(int index) =>
        ValueConversion.TryToLong(Value(index), out var number) ? number : throw Fail($"{ValueText.Describe(Value(index))} is not a whole number");

    public IReadOnlyList<object?> List(int index) =>
        Value(index) as IReadOnlyList<object?> ?? throw Fail($"expects a list, got {ValueText.Describe(Value(index))}");

    /// <summary>Checks the argument count; <paramref name="usage"/> shows the right form in the message.</summary>
    public void Expect(int min, int max, string usage)
    {
        if (Count < min || Count > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw Fail(FormattableString.Invariant($"expects {expected} argument{(max == 1 ? "" : "s")}, got {Count} (usage: {usage})"));
        }
    }

    public TemplateFailure Fail(string detail) => TemplateFailure.Helper(helper, detail);
}
