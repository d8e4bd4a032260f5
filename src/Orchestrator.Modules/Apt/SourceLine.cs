using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// One one-line-style apt source: <c>deb [opt=value ...] URI SUITE [COMPONENT...]</c> (sources.list(5)).
/// Two lines name the same source when type, URI and suite agree; options and components may differ.
/// </summary>
internal sealed partial record SourceLine(string Type, IReadOnlyList<string> Options, string Uri, string Suite, IReadOnlyList<string> Components)
{
    public (string, string, string) Identity => (Type, Uri.TrimEnd('/'), Suite);

    public string? SignedBy => Option("signed-by");

    public string Text =>
        string.Join(' ', new[] { Type, Options.Count == 0 ? "" : "[" + string.Join(' ', Options) + "]", Uri, Suite }.Concat(Components).Where(w => w.Length > 0));

    public string? Option(string name) =>
        Options.Where(o => o.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)).Select(o => o[(name.Length + 1)..]).FirstOrDefault();

    public SourceLine WithOption(string name, string value) => this with { Options = [.. Options, name + "=" + value] };

    /// <returns>The line, or null with an error; <paramref name="line"/> that is blank or a comment is "not a source" (both null).</returns>
    public static (SourceLine? Line, string? Error) Parse(string line)
    {
        var text = line.Trim();
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            text = text[..hash].Trim();
        }

        if (text.Length == 0)
        {
            return (null, null);
        }

        var match = LinePattern().Match(text);
        if (!match.Success)
        {
            return (null, $"'{line.Trim()}' is not a source line: expected 'deb [options] URI SUITE COMPONENT...' (or deb-src)");
        }

        var options = match.Groups["options"].Success
            ? match.Groups["options"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList()
            : [];
        if (options.FirstOrDefault(o => !o.Contains('=', StringComparison.Ordinal)) is { } bad)
        {
            return (null, $"'{line.Trim()}': option '{bad}' is not name=value");
        }

        var words = match.Groups["rest"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return (null, $"'{line.Trim()}' has no suite after the URI");
        }

        var suite = words[1];
        var components = words[2..];
        if (!suite.EndsWith('/') && components.Length == 0)
        {
            return (null, $"'{line.Trim()}' has no component (like main) after the suite '{suite}'");
        }

        return (new SourceLine(match.Groups["type"].Value, options, words[0], suite, components), null);
    }

    [GeneratedRegex(@"^(?<type>deb|deb-src)\s+(\[(?<options>[^\]]*)\]\s*)?(?<rest>\S+://\S+.*|\S+:\S+.*)$")]
    private static partial Regex LinePattern();
}
