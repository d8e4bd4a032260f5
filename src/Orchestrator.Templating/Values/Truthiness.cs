namespace Orchestrator.Templating.Values;

/// <summary>
/// Python's (and so Jinja's and Ansible's) truth rules: null, false, 0, 0.0, "" and empty lists or mappings
/// are false; everything else, including the string "false", is true (a YAML <c>false</c> arrives as a bool).
/// </summary>
internal static class Truthiness
{
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        long number => number != 0,
        int number => number != 0,
        double number => number != 0,
        float number => number != 0,
        string text => text.Length > 0,
        IReadOnlyDictionary<string, object?> mapping => mapping.Count > 0,
        IReadOnlyList<object?> list => list.Count > 0,
        _ => true,
    };
}
