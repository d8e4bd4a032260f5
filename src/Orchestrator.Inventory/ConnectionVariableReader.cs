using System.Globalization;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>Reads and checks connection variables, collecting every problem at the place the variable was set.</summary>
internal sealed class ConnectionVariableReader(string host, Func<string, LocatedValue?> lookup, SourceLocation hostLocation)
{
    private readonly List<Diagnostic> problems = [];

    /// <param name="names">Names of the same setting; as in Ansible, the last one that is set wins.</param>
    public string? Text(params string[] names)
    {
        var (found, value) = Find(names);
        return value switch
        {
            null => null,
            string text when text.Length > 0 => text,
            long or double or bool => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => Problem<string>(found, $"{found} of host '{host}' must be a non-empty string"),
        };
    }

    public int? Number(int maximum, params string[] names)
    {
        var (found, value) = Find(names);
        long? number = value switch
        {
            null => null,
            long whole => whole,
            string text when long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => -1,
        };
        if (number is null)
        {
            return null;
        }

        if (number < 1 || number > maximum)
        {
            var range = maximum == int.MaxValue ? "a positive whole number" : $"a whole number from 1 to {maximum}";
            return Problem<int?>(found, $"{found} of host '{host}' must be {range}, not '{Convert.ToString(value, CultureInfo.InvariantCulture)}'");
        }

        return (int)number;
    }

    public IReadOnlyList<string> Words(string name)
    {
        var (_, value) = Find(name);
        switch (value)
        {
            case null:
                return [];
            case string text:
                var error = ShellWords.TrySplit(text, out var words);
                return error is null ? words : Problem<IReadOnlyList<string>>(name, $"{name} of host '{host}' cannot be split into words: {error}") ?? [];
            case List<object?> list when list.All(item => item is string):
                return list.Cast<string>().ToList();
            default:
                return Problem<IReadOnlyList<string>>(name, $"{name} of host '{host}' must be a string of ssh arguments") ?? [];
        }
    }

    public void Fail(string name, string message) => Problem<object>(name, message);

    public void ThrowIfProblems()
    {
        if (problems.Count > 0)
        {
            throw new UserErrorException(problems);
        }
    }

    private (string Name, object? Value) Find(params string[] names)
    {
        var result = (names[0], (object?)null);
        foreach (var name in names)
        {
            if (lookup(name) is { Value: not null } found)
            {
                result = (name, found.Value);
            }
        }

        return result;
    }

    private T? Problem<T>(string name, string message)
    {
        var location = lookup(name) is { Location.IsKnown: true } found ? found.Location : hostLocation;
        problems.Add(new Diagnostic(location, message));
        return default;
    }
}
