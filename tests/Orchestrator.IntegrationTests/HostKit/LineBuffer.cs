using System.Text;

namespace Orchestrator.IntegrationTests.HostKit;

/// <summary>Collects a child process's output lines, written from its reader threads and read at any time.</summary>
internal sealed class LineBuffer
{
    private readonly StringBuilder text = new();

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    public override string ToString()
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
