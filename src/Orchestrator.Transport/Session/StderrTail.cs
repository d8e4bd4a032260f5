using System.Text;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Transport.Session;

/// <summary>
/// Drains the session process's own stderr (ssh's diagnostics, never a command's stderr, which is framed)
/// so the process never blocks on a full pipe, keeps the tail for error messages, and traces it.
/// </summary>
internal sealed class StderrTail
{
    private const int MaxChars = 16 * 1024;

    private readonly Lock gate = new();
    private readonly StringBuilder text = new();
    private readonly Task pump;

    public StderrTail(Stream stream, string host, ILogger logger)
    {
        pump = Task.Run(() => PumpAsync(stream, host, logger));
    }

    public string Text
    {
        get
        {
            lock (gate)
            {
                return text.ToString();
            }
        }
    }

    /// <summary>Waits (bounded) until the stream has ended, so a failure message holds ssh's last words.</summary>
    public Task WaitForEndAsync(TimeSpan limit) => Task.WhenAny(pump, Task.Delay(limit));

    private async Task PumpAsync(Stream stream, string host, ILogger logger)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                logger.LogTrace("[{Host}] ssh: {Line}", host, line);
                lock (gate)
                {
                    text.Append(line).Append('\n');
                    if (text.Length > MaxChars)
                    {
                        text.Remove(0, text.Length - MaxChars);
                    }
                }
            }
        }
        catch (IOException)
        {
            // The process is gone; what was read so far is all there is.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
