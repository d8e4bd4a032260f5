using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Commands;

/// <summary>Scripts behind PutFileAsync and FetchFileAsync; the content always travels on stdin/stdout.</summary>
internal static partial class FileScripts
{
    /// <summary>Exit code and stderr with which the fetch script says "no such file".</summary>
    public const int MissingExitCode = 3;

    public const string MissingMarker = "orchestrate: no such file";

    /// <summary>Name prefix of the temporary upload files beside their destination.</summary>
    public const string TemporaryPrefix = ".orch.";

    /// <summary>
    /// Writes stdin to a temporary file beside the destination, checks its size (a connection lost mid-transfer
    /// leaves a short file, which is removed instead of renamed), sets owner and mode, then renames it over the
    /// destination. With no Mode the existing file's mode is kept, and a new file gets 0666 minus the umask
    /// (what a plain shell redirect would give). With no Owner/Group an existing file's owner and group are
    /// kept where the writing user may set them (as root), so replacing a file does not steal it.
    /// </summary>
    /// <remarks>
    /// The temporary file is named <c>.orch.PID.XXXXXXXXXX</c> after the shell that writes it. Normally that shell
    /// removes it on any failure (EXIT trap); only a writer killed outright (the host crashed, the session was
    /// SIGKILLed) leaves one behind, and the next write into the same folder removes it (regular files only; see
    /// <see cref="DeadWriterLeftovers"/>).
    /// </remarks>
    public static string Put(FileUpload upload)
    {
        var (directory, _) = Split(upload.Path);
        var destination = ShellQuote.Quote(upload.Path);
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $$"""
            f={{destination}}
            d={{ShellQuote.Quote(directory)}}
            {{DeadWriterLeftovers.Remove("\"$d\"", TemporaryPrefix, "[ -f \"$s\" ] && [ ! -L \"$s\" ]", "rm -f -- \"$s\" 2>/dev/null")}}
            t=$(mktemp "$d/{{DeadWriterLeftovers.Template(TemporaryPrefix)}}") || exit 1
            trap 'rm -f "$t"' EXIT
            trap 'exit 1' HUP INT TERM PIPE
            cat >"$t" || exit 1
            n=$(wc -c <"$t")
            [ "$n" -eq {{upload.Content.Length}} ] || { echo "short write: $n of {{upload.Content.Length}} bytes arrived" >&2; exit 1; }

            """);
        if (upload.Owner is not null || upload.Group is not null)
        {
            var owner = (upload.Owner ?? "") + (upload.Group is null ? "" : ":" + upload.Group);
            script.Append("chown -- ").Append(ShellQuote.Quote(owner)).Append(" \"$t\" || exit 1\n");
        }
        else
        {
            script.Append("if [ -e \"$f\" ]; then chown --reference=\"$f\" -- \"$t\" 2>/dev/null; fi\n");
        }

        if (upload.Mode is { } mode)
        {
            if (!OctalMode().IsMatch(mode))
            {
                throw new ArgumentException($"'{mode}' is not an octal file mode such as 0644", nameof(upload));
            }

            script.Append("chmod -- ").Append(mode).Append(" \"$t\" || exit 1\n");
        }
        else
        {
            script.Append("if [ -e \"$f\" ]; then chmod --reference=\"$f\" -- \"$t\"; ")
                .Append("else chmod -- \"$(printf %o $((0666 & ~0$(umask))))\" \"$t\"; fi || exit 1\n");
        }

        // -T: a directory at the destination is an error, not a place to move the file into.
        script.Append("mv -f -T -- \"$t\" \"$f\" || exit 1\n");
        return script.ToString();
    }

    /// <summary>Prints the file; a missing file is reported by exit code and marker, not confused with a read error.</summary>
    public static string Fetch(string path)
    {
        var quoted = ShellQuote.Quote(path);
        return $"if [ -e {quoted} ] || [ -L {quoted} ]; then exec cat -- {quoted}; fi\n"
            + $"printf '%s' '{MissingMarker}' >&2\nexit {MissingExitCode}";
    }

    public static bool IsMissing(CommandResult result) =>
        result.ExitCode == MissingExitCode && result.StderrText == MissingMarker;

    /// <summary>Splits a POSIX path into its folder and file name; the temporary file must live in that folder.</summary>
    internal static (string Directory, string Name) Split(string path)
    {
        if (path.Length == 0 || path.EndsWith('/') || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not a file path", nameof(path));
        }

        var slash = path.LastIndexOf('/');
        return slash switch
        {
            < 0 => (".", path),
            0 => ("/", path[1..]),
            _ => (path[..slash], path[(slash + 1)..]),
        };
    }

    [GeneratedRegex("^[0-7]{3,4}$")]
    private static partial Regex OctalMode();
}
