using System.Globalization;
using System.Text;

namespace Orchestrator.Transport.Session;

/// <summary>The line <c>TOKEN exitCode output</c> that starts every response (see <see cref="LoopScript"/>).</summary>
internal readonly record struct ResponseHeader(int ExitCode, bool HasOutput)
{
    /// <summary>Parses a header line; false when it is not one of ours (a desynchronised or corrupted stream).</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, string token, out ResponseHeader header)
    {
        header = default;
        var words = Encoding.ASCII.GetString(line).Split(' ');
        if (words.Length != 3
            || !string.Equals(words[0], token, StringComparison.Ordinal)
            || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var exitCode)
            || words[2] is not ("0" or "1"))
        {
            return false;
        }

        header = new ResponseHeader(exitCode, words[2] == "1");
        return true;
    }
}
