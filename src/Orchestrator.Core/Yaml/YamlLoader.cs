using Orchestrator.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Orchestrator.Core.Yaml;

/// <summary>
/// Parses YAML text into located <see cref="YNode"/> trees. Every error (syntax, tabs, duplicate keys,
/// aliases to nowhere) becomes a <see cref="UserErrorException"/> that points at file:line:column.
/// </summary>
public static class YamlLoader
{
    /// <summary>The tag a whole vault-encrypted file is handed to the tag resolver with (its value is the file's text).</summary>
    public const string VaultFileTag = "!vault-file";

    /// <param name="tagResolver">Also decrypts a file that is vault-encrypted as a whole (tag <see cref="VaultFileTag"/>).</param>
    public static IReadOnlyList<YNode> LoadFile(string path, string? displayPath = null, YamlValues.TagResolver? tagResolver = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException(new SourceLocation(displayPath ?? path, 0, 0), $"cannot read {displayPath ?? path}: {ex.Message}");
        }

        return Parse(Decrypted(text, displayPath ?? path, tagResolver), displayPath ?? path);
    }

    /// <summary>Loads a file that must hold exactly one document (empty file = null).</summary>
    public static YNode? LoadSingle(string path, string? displayPath = null, YamlValues.TagResolver? tagResolver = null)
    {
        var documents = LoadFile(path, displayPath, tagResolver);
        return documents.Count == 0 ? null : documents[0];
    }

    private static string Decrypted(string text, string fileName, YamlValues.TagResolver? tagResolver)
    {
        if (!text.StartsWith("$ANSIBLE_VAULT;", StringComparison.Ordinal))
        {
            return text;
        }

        var envelope = new YScalar(new SourceLocation(fileName, 1, 1), text, true, VaultFileTag);
        return tagResolver?.Invoke(envelope) as string
               ?? throw new UserErrorException(envelope.Location, $"{fileName} is vault-encrypted; give the vault password (--vault-password-file)");
    }

    public static IReadOnlyList<YNode> Parse(string text, string fileName)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var documents = new List<YNode>();
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
                var root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, fileName, anchors);
                parser.Consume<DocumentEnd>();
                documents.Add(root ?? new YScalar(new SourceLocation(fileName, 1, 1), "", false));
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException ex)
        {
            throw new UserErrorException([Describe(ex, text, fileName)]);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet throws this (not a YamlException) for some unclosed flow collections.
            var lines = text.Split('\n');
            if (UnclosedFlow.Find(lines) is { } bracket)
            {
                throw new UserErrorException([Unclosed(bracket, lines, fileName)]);
            }

            throw new UserErrorException(new SourceLocation(fileName, Math.Max(1, lines.Length), 1), "invalid YAML: " + ex.Message + " (an unclosed '{' or '[' ?)");
        }

        // An empty file is no document at all.
        if (documents.Count == 1 && documents[0] is YScalar { Value: "", IsQuoted: false } && string.IsNullOrWhiteSpace(StripComments(text)))
        {
            return [];
        }

        return documents;
    }

    private static YNode ReadNode(IParser parser, string file, Dictionary<string, YNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new UserErrorException(At(file, alias.Start), $"alias *{alias.Value} refers to no anchor");
            }

            return target;
        }

        YNode node;
        string anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            node = new YScalar(At(file, scalar.Start), scalar.Value, quoted, tag);
            anchor = scalar.Anchor.IsEmpty ? "" : scalar.Anchor.Value;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, file, anchors));
            }

            node = new YSequence(At(file, sequenceStart.Start), items);
            anchor = sequenceStart.Anchor.IsEmpty ? "" : sequenceStart.Anchor.Value;
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            node = ReadMapping(parser, file, anchors, At(file, mappingStart.Start));
            anchor = mappingStart.Anchor.IsEmpty ? "" : mappingStart.Anchor.Value;
        }
        else
        {
            var current = parser.Current;
            throw new UserErrorException(At(file, current?.Start ?? Mark.Empty), $"unexpected YAML {current?.GetType().Name ?? "end of input"}");
        }

        if (anchor.Length > 0)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static YMapping ReadMapping(IParser parser, string file, Dictionary<string, YNode> anchors, SourceLocation location)
    {
        var entries = new List<KeyValuePair<YScalar, YNode>>();
        var written = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, file, anchors);
            var value = ReadNode(parser, file, anchors);
            if (keyNode is not YScalar key)
            {
                throw new UserErrorException(keyNode.Location, "a mapping key must be a plain string, not " + keyNode.KindName);
            }

            if (key.Value == "<<" && !key.IsQuoted)
            {
                MergeInto(entries, written, merged, value);
                continue;
            }

            if (written.TryGetValue(key.Value, out var first))
            {
                throw new UserErrorException(key.Location, $"duplicate key '{key.Value}' (first defined at line {first.Line})");
            }

            written[key.Value] = key.Location;
            if (merged.Remove(key.Value))
            {
                // A key written in the mapping overrides a merged one, wherever the merge key stands.
                entries.RemoveAll(e => e.Key.Value == key.Value);
            }

            entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
        }

        return new YMapping(location, entries);
    }

    // YAML merge keys ("<<: *defaults"): keys written in the mapping win, then the first merged mapping.
    private static void MergeInto(List<KeyValuePair<YScalar, YNode>> entries, Dictionary<string, SourceLocation> written, HashSet<string> merged, YNode source)
    {
        var sources = source is YSequence list ? list.Items : [source];
        foreach (var item in sources)
        {
            if (item is not YMapping mapping)
            {
                throw new UserErrorException(item.Location, "a merge key (<<) needs a mapping or a list of mappings");
            }

            foreach (var entry in mapping.Entries.Where(entry => !written.ContainsKey(entry.Key.Value) && merged.Add(entry.Key.Value)))
            {
                entries.Add(entry);
            }
        }
    }

    private static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private static Diagnostic Describe(YamlException ex, string text, string file)
    {
        var line = (int)ex.Start.Line;
        var column = (int)ex.Start.Column;
        var lines = text.Split('\n');
        var message = StripMarkPrefix(ex.Message);
        if (message.Contains("flow", StringComparison.Ordinal) || line > LastContentLine(lines))
        {
            // The parser noticed the missing ']' or '}' only where the input ran out: point at the bracket.
            if (UnclosedFlow.Find(lines) is { } bracket && bracket.Line < line)
            {
                return Unclosed(bracket, lines, file);
            }
        }

        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentingTab(lines, Math.Max(line - 1, 0)) is { } tab)
        {
            return new Diagnostic(new SourceLocation(file, tab.Line + 1, tab.Column + 1), "YAML does not allow tabs for indentation; use spaces", lines[tab.Line].TrimEnd('\r'));
        }

        if (line >= 1 && line <= lines.Length)
        {
            return new Diagnostic(new SourceLocation(file, line, Math.Max(column, 1)), "invalid YAML: " + message, lines[line - 1].TrimEnd('\r'));
        }

        return new Diagnostic(new SourceLocation(file, Math.Max(line, 1), Math.Max(column, 1)), "invalid YAML: " + message);
    }

    private static Diagnostic Unclosed((int Line, int Column) bracket, string[] lines, string file)
    {
        var text = lines[bracket.Line].TrimEnd('\r');
        var closer = text[bracket.Column] == '[' ? ']' : '}';
        return new Diagnostic(new SourceLocation(file, bracket.Line + 1, bracket.Column + 1), $"invalid YAML: this '{text[bracket.Column]}' is never closed (a '{closer}' is missing)", text);
    }

    private static int LastContentLine(string[] lines)
    {
        for (var index = lines.Length - 1; index >= 0; index--)
        {
            if (lines[index].Trim().Length > 0)
            {
                return index + 1;
            }
        }

        return 0;
    }

    // YamlDotNet places a tab error at the enclosing mapping, not at the tab: find the first indenting tab from there.
    private static (int Line, int Column)? IndentingTab(string[] lines, int from)
    {
        for (var index = from; index < lines.Length; index++)
        {
            var line = lines[index];
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (index, tab);
            }
        }

        return null;
    }

    private static string StripMarkPrefix(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): " which we already show as file:line:col.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && index >= 0 ? message[(index + 3)..] : message;
    }

    private static string StripComments(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimStart().StartsWith('#') ? "" : l).Where(l => l.Trim() != "---"));
}
