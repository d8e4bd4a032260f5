using System.Globalization;

namespace Orchestrator.Core.Modules;

/// <summary>A module's arguments after rendering and type coercion by <see cref="ArgumentBinder"/>: names are canonical (aliases resolved) and defaults filled in.</summary>
public sealed class ModuleArguments
{
    private readonly IReadOnlyDictionary<string, object?> values;

    public ModuleArguments(IReadOnlyDictionary<string, object?> values)
    {
        this.values = values;
    }

    public IReadOnlyDictionary<string, object?> Values => values;

    public bool Has(string name) => values.TryGetValue(name, out var value) && value is not null;

    public object? GetRaw(string name) => values.GetValueOrDefault(name);

    public string? GetString(string name) => values.GetValueOrDefault(name) switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public string GetRequiredString(string name) =>
        GetString(name) ?? throw new InvalidOperationException($"argument '{name}' was validated as required but is missing");

    public bool GetBool(string name, bool fallback = false) => values.GetValueOrDefault(name) is bool b ? b : fallback;

    public long? GetInt(string name) => values.GetValueOrDefault(name) as long?;

    public IReadOnlyList<object?> GetList(string name) => values.GetValueOrDefault(name) as IReadOnlyList<object?> ?? [];

    public IReadOnlyList<string> GetStringList(string name) =>
        GetList(name).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList();

    public IReadOnlyDictionary<string, object?>? GetDict(string name) => values.GetValueOrDefault(name) as IReadOnlyDictionary<string, object?>;
}
