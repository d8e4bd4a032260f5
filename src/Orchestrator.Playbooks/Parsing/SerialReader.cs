using System.Globalization;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>serial: a host count, a percentage ("30%"), or a list of them (the last one repeats).</summary>
internal static class SerialReader
{
    public static IReadOnlyList<BatchSize> Read(ParseSession session, YScalar key, YNode value)
    {
        if (value is YSequence { Items.Count: 0 })
        {
            session.Error(value.Location, "'serial' must not be an empty list");
            return [];
        }

        IReadOnlyList<YNode> items = value is YSequence sequence ? sequence.Items : [value];
        var batches = new List<BatchSize>();
        foreach (var item in items)
        {
            if (Batch(item) is { } batch)
            {
                batches.Add(batch);
            }
            else
            {
                session.Error(item.Location, $"'{key.Value}' must be a positive number of hosts or a percentage like '30%', not {Describe.Node(item)}");
            }
        }

        return batches;
    }

    private static BatchSize? Batch(YNode item)
    {
        var plain = item is YScalar scalar ? scalar.ToPlain() : null;
        if (plain is string text)
        {
            text = text.Trim();
            if (text.EndsWith('%'))
            {
                var ok = double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent);
                return ok && percent > 0 && percent <= 100 ? new BatchSize(null, percent) : null;
            }

            plain = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        }

        return plain is long count && count is >= 1 and <= int.MaxValue ? new BatchSize((int)count, null) : null;
    }
}
