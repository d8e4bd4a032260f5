using System.Globalization;
using System.Security.Cryptography;
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

    private const int ReadWriteForAll = 0x1B6; // 0666, what a shell redirect creates a file with before the umask

    private const int AllPermissions = 0x1FF; // 0777

    /// <summary>
    /// Content up to this size (without NUL) comes as the script's data, which the session reads into <c>$__b</c>
    /// and the shell's printf writes: no <c>head</c> reads it and no <c>head</c> feeds the session's stdin to the
    /// script (two processes, about 2 ms), against the loop reading it a byte per system call (about 0.2 ms per KB).
    /// </summary>
    public const int MaxInlineBytes = 4096;

    /// <summary>What follows the content on stdin; reading it proves that every byte of the content arrived.</summary>
    private static readonly byte[] Trailer = "ok\n"u8.ToArray();

    /// <summary>
    /// Writes stdin to a temporary file beside the destination, checks that all of it arrived (a connection lost
    /// mid-transfer leaves a short file, which is removed instead of renamed), sets owner and mode, then renames it
    /// over the destination. With no Mode the existing file's mode is kept, and a new file gets 0666 minus the
    /// umask (what a plain shell redirect would give). With no Owner/Group an existing file's owner and group are
    /// kept where the writing user may set them (as root), so replacing a file does not steal it.
    /// </summary>
    /// <remarks>
    /// Processes are what an upload costs on the host (about 1 ms each), so the script uses as few as it can:
    /// <c>head</c> writes the content and <c>mv</c> renames it; nothing else in the common case.
    /// - The temporary file <c>.orch.PID.XXXXXXXXXX</c> is created by the shell with noclobber (O_EXCL: an existing
    ///   name or a planted link fails the write) under a name with ten random characters from the controller,
    ///   instead of by mktemp. The PID is the session's (see LoopScript).
    /// - Completeness: stdin is the content and then the line <c>ok</c> (see <see cref="Stdin"/>); <c>head -c N</c>
    ///   takes exactly the content and the shell's <c>read</c> must then find that line, or fewer bytes arrived.
    ///   (Instead of <c>wc -c</c>.)
    /// - Small content comes as the request's data instead (see <see cref="IsInline"/>): data, never code, read by
    ///   the session before the script runs, so it is complete by then.
    /// - Under become the script runs in sudo's fresh shell, which the data does not reach, so content then always
    ///   travels on stdin.
    /// - Mode: a mode within 0666 is given to the file at creation by the umask, so no chmod runs; only a mode with
    ///   execute or special bits, or keeping an existing file's mode, costs a <c>chmod</c>. Keeping the owner costs a
    ///   <c>chown</c> only when the file is not already the writing user's (and the folder is not setgid).
    /// Normally the script removes its file on any failure (EXIT trap); only a writer killed outright (the host
    /// crashed, the session was SIGKILLed) leaves one behind, and the next write into the same folder removes it
    /// (regular files only; see <see cref="DeadWriterLeftovers"/>).
    /// </remarks>
    public static string Put(FileUpload upload)
    {
        // In the session's subshell the loop's function removes them (its definition is not read again each time).
        var leftovers = upload.Become is null ? "__leftovers \"$d\"" : Leftovers("\"$d\"");
        var (directory, _) = Split(upload.Path);
        var destination = ShellQuote.Quote(upload.Path);
        var mode = upload.Mode is { } given ? ParseMode(given) : (int?)null;
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $$"""
            f={{destination}}
            d={{ShellQuote.Quote(directory)}}
            {{leftovers}}
            t="$d/{{DeadWriterLeftovers.Name(TemporaryPrefix, RandomSuffix())}}"
            trap '[ ! -e "$t" ] || rm -f "$t"' EXIT
            trap 'exit 1' HUP INT TERM PIPE

            """);

        // The umask decides the new file's mode: the wanted one when a redirect can make it, else private until chmod.
        script.Append(mode switch
        {
            { } m when (m & ~ReadWriteForAll) == 0 => $"umask {Octal(~m & AllPermissions)}\n",
            not null => "umask 077\n",
            null => "[ -e \"$f\" ] && umask 077\n",
        });
        if (IsInline(upload))
        {
            script.Append("set -C\nprintf '%s' \"$__b\" >\"$t\" || exit 1\nset +C\n");
        }
        else
        {
            script.Append(CultureInfo.InvariantCulture, $$"""
                set -C
                head -c {{upload.Content.Length}} >"$t" || exit 1
                set +C
                IFS= read -r e || e=
                [ "$e" = ok ] || { echo "short write: fewer than {{upload.Content.Length}} bytes arrived" >&2; exit 1; }

                """);
        }

        if (upload.Owner is not null || upload.Group is not null)
        {
            var owner = (upload.Owner ?? "") + (upload.Group is null ? "" : ":" + upload.Group);
            script.Append("chown -- ").Append(ShellQuote.Quote(owner)).Append(" \"$t\" || exit 1\n");
        }
        else
        {
            script.Append("if [ -e \"$f\" ] && { [ ! -O \"$f\" ] || [ ! -G \"$f\" ] || [ -g \"$d\" ]; }; then chown --reference=\"$f\" -- \"$t\" 2>/dev/null; fi\n");
        }

        script.Append(mode switch
        {
            { } m when (m & ~ReadWriteForAll) == 0 => "",
            { } m => $"chmod -- {Octal(m)} \"$t\" || exit 1\n",
            null => "if [ -e \"$f\" ]; then chmod --reference=\"$f\" -- \"$t\" || exit 1; fi\n",
        });

        // mv -T: a directory at the destination is an error, not a place to move the file into.
        script.Append(SessionHelper.Rename("\"$t\"", "\"$f\"")).Append(" || exit 1\n");
        return script.ToString();
    }

    /// <summary>
    /// <c>__leftovers FOLDER</c>: removes the upload files in FOLDER that a killed writer left (see
    /// <see cref="DeadWriterLeftovers"/>). Every session's loop defines it (LoopScript); Put's script calls it
    /// wherever it runs in the session's subshell.
    /// </summary>
    public static string LeftoversFunction { get; } = "__leftovers() {\n" + Leftovers("\"$1\"") + "\n}";

    /// <summary>The standard input <see cref="Put"/>'s script expects: the content, then the line that proves it complete.</summary>
    public static byte[] Stdin(FileUpload upload) => IsInline(upload) ? [] : [.. upload.Content, .. Trailer];

    /// <summary>The request's data for <see cref="Put"/>'s script: the content when it does not come on stdin.</summary>
    public static byte[]? Data(FileUpload upload) => IsInline(upload) ? upload.Content : null;

    /// <summary>Whether <see cref="Put"/> takes the content from the request's data (small, no NUL, no sudo) rather than stdin.</summary>
    public static bool IsInline(FileUpload upload) =>
        upload.Become is null && upload.Content.Length <= MaxInlineBytes && CommandRequest.CanCarry(upload.Content);

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

    private static int ParseMode(string mode) =>
        OctalMode().IsMatch(mode)
            ? Convert.ToInt32(mode, 8)
            : throw new ArgumentException($"'{mode}' is not an octal file mode such as 0644", nameof(mode));

    private static string Octal(int value) => "0" + Convert.ToString(value, 8).PadLeft(3, '0');

    // mktemp's alphabet and length, so DeadWriterLeftovers recognises the name.
    private static string RandomSuffix() =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 10);

    [GeneratedRegex("^[0-7]{3,4}$")]
    private static partial Regex OctalMode();

    private static string Leftovers(string folder) =>
        DeadWriterLeftovers.Remove(folder, TemporaryPrefix, "[ -f \"$s\" ] && [ ! -L \"$s\" ]", "rm -f -- \"$s\" 2>/dev/null");
}
