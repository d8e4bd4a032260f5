using System.Text;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>
/// Collects questions about the host (file states, small shell snippets) and asks them all in ONE command.
/// Each answer is one NUL-terminated record of the output, in the order the questions were added.
/// </summary>
internal sealed class RemoteProbe
{
    // Prints one file's record: "A" (absent), "X<error>", or the lines "S <stat fields>", "P <rwx>",
    // "C <checksum>" (regular files, when asked) and last "L<target>" (links, when not following).
    // $1 path, $2 1 = follow links, $3 checksum program prefix (sha1, md5...) or empty.
    private const string FileFunction = """
        __probe() {
          if [ "$2" = 1 ]; then [ -e "$1" ] || { printf A; return; }; o=-L
          else { [ -e "$1" ] || [ -L "$1" ]; } || { printf A; return; }; o=; fi
          s=$(stat $o -c 'S %f %a %u %g %U %G %s %Y %X %Z %i %h %d' -- "$1" 2>&1) || { printf 'X%s' "$s"; return; }
          printf '%s\n' "$s"
          r=-; [ -r "$1" ] && r=r; w=-; [ -w "$1" ] && w=w; x=-; [ -x "$1" ] && x=x
          printf 'P %s%s%s\n' "$r" "$w" "$x"
          if [ -n "$3" ] && [ -f "$1" ] && { [ "$2" = 1 ] || [ ! -L "$1" ]; }; then
            c=$("$3"sum < "$1") || c=; printf 'C %s\n' "${c%% *}"
          fi
          if [ "$2" != 1 ] && [ -L "$1" ]; then printf L; readlink -- "$1"; fi
        }
        """;

    private readonly List<string> questions = [];
    private bool usesFileFunction;

    public int Count => questions.Count;

    /// <param name="follow">Report what a symbolic link points to instead of the link itself.</param>
    /// <param name="checksumAlgorithm">md5, sha1, sha224, sha256, sha384 or sha512 (checked by the caller's spec); null = no checksum.</param>
    public int AddFile(string path, bool follow = false, string? checksumAlgorithm = null)
    {
        usesFileFunction = true;
        return Add($"__probe {ShellQuote.Quote(path)} {(follow ? "1" : "0")} {ShellQuote.Quote(checksumAlgorithm ?? "")}");
    }

    /// <summary>A snippet of shell code whose standard output is the answer (it must not print NUL).</summary>
    public int AddShell(string script) => Add("{ " + script + "\n}");

    public string BuildCommand()
    {
        var command = new StringBuilder();
        if (usesFileFunction)
        {
            command.Append(FileFunction).Append('\n');
        }

        foreach (var question in questions)
        {
            command.Append(question).Append("; printf '\\0'\n");
        }

        return command.ToString();
    }

    public async Task<RemoteAnswers> RunAsync(ITransport transport, CancellationToken cancellationToken)
    {
        var result = await transport.RunAsync(new CommandRequest(BuildCommand()), cancellationToken);
        return RemoteAnswers.Parse(result, questions.Count);
    }

    private int Add(string question)
    {
        questions.Add(question);
        return questions.Count - 1;
    }
}
