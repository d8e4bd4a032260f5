using System.Text;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Session;

/// <summary>
/// Reads what a <see cref="LoopScript"/> session prints: its ready line, a user's command's answer (header, then a
/// tar of stdout and stderr) and our own script's streamed answer (ended by the request's marker). A reply that breaks
/// the protocol is an <see cref="InvalidDataException"/>; the session is lost then.
/// </summary>
internal sealed class AnswerReader(Stream stdout, string token)
{
    private const int MaxHeaderLength = 256;

    // What one subshell request may print (a fetched file, at most): the whole answer is held in memory.
    private const long MaxStreamedOutput = 1L << 30;

    // Login scripts may print a banner before our ready line; anything beyond this is not a banner.
    private const int MaxBannerLines = 1000;

    private readonly FrameReader output = new(stdout);

    /// <summary>The ready line's session directory, after any banner lines.</summary>
    public async Task<string> ReadReadyLineAsync()
    {
        var prefix = $"{LoopScript.ReadyMarker} {token} ";
        for (var i = 0; i < MaxBannerLines; i++)
        {
            var line = Encoding.UTF8.GetString(await output.ReadLineAsync(64 * 1024, CancellationToken.None).ConfigureAwait(false));
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        throw new InvalidDataException("no ready line from the session");
    }

    /// <summary>A user's command's answer: "TOKEN exitCode output", then a tar of stdout and stderr when output is 1.</summary>
    public async Task<CommandResult> ReadResponseAsync()
    {
        var line = await output.ReadLineAsync(MaxHeaderLength, CancellationToken.None).ConfigureAwait(false);
        if (!ResponseHeader.TryParse(line, token, out var header))
        {
            throw new InvalidDataException($"unexpected output from the session: {Printable(line)}");
        }

        if (!header.HasOutput)
        {
            return new CommandResult(header.ExitCode, [], []);
        }

        var (stdoutBytes, stderrBytes) = await OutputArchive.ReadAsync(output).ConfigureAwait(false);
        return new CommandResult(header.ExitCode, stdoutBytes, stderrBytes);
    }

    /// <summary>
    /// Our own script's answer: its stdout as it came, then "\nMARKER exitCode stderrFollows\n" (a response header with
    /// the marker for the token), then any stderr up to "\nMARKER\n".
    /// </summary>
    public async Task<CommandResult> ReadStreamedResponseAsync(string marker)
    {
        var end = Encoding.ASCII.GetBytes("\n" + marker + " ");
        var stdoutBytes = await output.ReadUntilAsync(end, MaxStreamedOutput, CancellationToken.None).ConfigureAwait(false);
        var rest = await output.ReadLineAsync(MaxHeaderLength, CancellationToken.None).ConfigureAwait(false);
        byte[] line = [.. end.AsSpan(1), .. rest];
        if (!ResponseHeader.TryParse(line, marker, out var header))
        {
            throw new InvalidDataException($"unexpected output from the session: {Printable(line)}");
        }

        var stderrBytes = header.HasOutput
            ? await output.ReadUntilAsync(Encoding.ASCII.GetBytes("\n" + marker + "\n"), MaxStreamedOutput, CancellationToken.None).ConfigureAwait(false)
            : [];
        return new CommandResult(header.ExitCode, stdoutBytes, stderrBytes);
    }

    private static string Printable(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line, 0, Math.Min(line.Length, 120));
        return new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
