using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>
/// YamlDotNet reports a tab used for indentation at the start of the enclosing mapping, not at the tab; point at the
/// first indenting tab from there on instead. (Belongs in YamlLoader; kept here until it moves.)
/// </summary>
internal static class YamlErrorPlacement
{
    public const string TabMessage = "YAML does not allow tabs for indentation; use spaces";

    public static Diagnostic Improve(Diagnostic diagnostic, string fullPath)
    {
        if (!diagnostic.Message.StartsWith("invalid YAML", StringComparison.Ordinal) || !diagnostic.Message.Contains("tab", StringComparison.Ordinal))
        {
            return diagnostic;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(fullPath);
        }
        catch (IOException)
        {
            return diagnostic;
        }

        for (var index = Math.Max(diagnostic.Location.Line - 1, 0); index < lines.Length; index++)
        {
            var line = lines[index];
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return new Diagnostic(diagnostic.Location with { Line = index + 1, Column = tab + 1 }, TabMessage, line);
            }
        }

        return diagnostic;
    }
}
