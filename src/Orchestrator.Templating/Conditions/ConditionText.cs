namespace Orchestrator.Templating.Conditions;

/// <summary>
/// Where the expression is inside a condition string: Ansible users often write <c>when: "{{ x }}"</c>, so a
/// single <c>{{ }}</c> around the whole condition is accepted and looked through, keeping offsets.
/// </summary>
internal static class ConditionText
{
    public static (int Start, int End) Bounds(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var inner = text.AsSpan(start, end - start);
        if (inner.StartsWith("{{") && inner.EndsWith("}}") && inner.Length >= 4
            && inner[2..^2].IndexOf("{{") < 0 && inner[2..^2].IndexOf("}}") < 0)
        {
            return (start + 2, end - 2);
        }

        return (start, end);
    }
}
