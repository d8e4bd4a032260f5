using DiffPlex.Model;

namespace Orchestrator.Output.Diff;

/// <summary>Changed blocks close enough to share one "@@" hunk, with the context around them.</summary>
internal sealed class DiffHunk
{
    private DiffHunk(int startA, int endA, int startB, int endB, IReadOnlyList<DiffBlock> blocks)
    {
        StartA = startA;
        EndA = endA;
        StartB = startB;
        EndB = endB;
        Blocks = blocks;
    }

    public int StartA { get; }

    public int EndA { get; }

    public int StartB { get; }

    public int EndB { get; }

    public IReadOnlyList<DiffBlock> Blocks { get; }

    /// <summary>Groups blocks as GNU diff and Python's difflib do: a gap of more than 2×context unchanged lines splits hunks.</summary>
    public static IEnumerable<DiffHunk> Group(IList<DiffBlock> blocks, int countA, int countB, int context)
    {
        var ordered = blocks.OrderBy(b => b.DeleteStartA).ThenBy(b => b.InsertStartB).ToList();
        var index = 0;
        while (index < ordered.Count)
        {
            var group = new List<DiffBlock> { ordered[index] };
            index++;
            while (index < ordered.Count && ordered[index].DeleteStartA - EndOfA(group[^1]) <= 2 * context)
            {
                group.Add(ordered[index]);
                index++;
            }

            var first = group[0];
            var last = group[^1];
            var leading = Math.Min(context, first.DeleteStartA);
            var trailing = Math.Min(context, countA - EndOfA(last));
            yield return new DiffHunk(
                first.DeleteStartA - leading,
                EndOfA(last) + trailing,
                first.InsertStartB - leading,
                Math.Min(countB, last.InsertStartB + last.InsertCountB + trailing),
                group);
        }
    }

    public string FormatRangeA() => FormatRange(StartA, EndA);

    public string FormatRangeB() => FormatRange(StartB, EndB);

    // difflib's _format_range_unified: "start" for one line, "start,length" otherwise, "start-1,0" when empty.
    private static string FormatRange(int start, int end)
    {
        var length = end - start;
        return length switch
        {
            1 => $"{start + 1}",
            0 => $"{start},0",
            _ => $"{start + 1},{length}",
        };
    }

    private static int EndOfA(DiffBlock block) => block.DeleteStartA + block.DeleteCountA;
}
