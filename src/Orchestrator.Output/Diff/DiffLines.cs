namespace Orchestrator.Output.Diff;

internal static class DiffLines
{
    /// <summary>Splits text into lines that keep their "\n"; only the last line may lack one.</summary>
    public static string[] Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add(text[start..]);
                break;
            }

            lines.Add(text[start..(end + 1)]);
            start = end + 1;
        }

        return [.. lines];
    }
}
