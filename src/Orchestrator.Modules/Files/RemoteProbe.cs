using System.Text;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>
/// Collects questions about the host (file states, small shell snippets) and asks them all in ONE command.
/// Each answer is one NUL-terminated record of the output, in the order the questions were added.
/// </summary>
/// <remarks>
/// Processes are what a probe costs on the host (about 1 ms each), so the file questions share them: one
/// <c>stat</c> for every path that exists (and one <c>stat -L</c> for links to follow), one checksum program
/// for every regular file that wants that algorithm. Existence and kind are decided first with shell
/// builtins, so each path's line is known to be in the batch. When a batch fails as a whole (a file vanished
/// in between, a permission problem), its paths are asked one by one, and the failing one reports its error.
/// A file whose expected content is known and small (copy, template) is compared with it (the request's data, in
/// <c>$__b</c>) by the shell's own <c>read</c> when stat shows the same size: equal content has the controller's checksum, so a rerun that
/// changes nothing starts no checksum program (measured here: 0.15 ms for 400 bytes against 0.95 ms for
/// sha1sum). Sizes must match first, so a large file at that path is never read byte by byte; a NUL in the
/// file (which the shell drops) makes what it read shorter than the size, so it can never compare equal.
/// </remarks>
internal sealed class RemoteProbe
{
    private static readonly string StatFormat = ShellQuote.Quote(SessionHelper.StatFormat);

    /// <summary>Separates the batches from the records (a test double reads from here on).</summary>
    public const string RecordsMarker = ": records\n";

    // __kind: A absent, F a link to follow, N anything else (stat it as it is).
    // __probe prints one file's record: "A" (absent), "X<error>", or the lines "S <stat fields>", "P <rwx>",
    // "C <checksum>" (regular files, when asked) and last "L<target>" (links, when not following). It leaves the
    // stat line in __s for a question that follows (a snapshot's __small).
    // $1 path, $2 1 = follow links, $3 checksum algorithm (sha1, md5...) or empty, $4 kind, $5 1 = in the checksum batch.
    /// <summary>The probe's shell functions: every session defines them when it starts (<see cref="SessionFunctions"/>).</summary>
    internal static readonly string Functions = $$"""
        __nl='
        '
        __kind() {
          if [ "$2" = 1 ]; then
            if [ ! -e "$1" ]; then __v=A; elif [ -L "$1" ]; then __v=F; else __v=N; fi
          elif [ -e "$1" ] || [ -L "$1" ]; then __v=N; else __v=A; fi
        }
        __probe() {
          case $4 in A) printf A; return ;; F) __ps=$__F ;; *) __ps=$__N ;; esac
          if [ "$__ps" = - ]; then
            if [ "$4" = F ]; then __ps=$(stat -L -c {{StatFormat}} -- "$1" 2>&1); else __ps=$(stat -c {{StatFormat}} -- "$1" 2>&1); fi || { printf 'X%s' "$__ps"; return; }
          else
            __ps=${__ps%%"$__nl"*}
            if [ "$4" = F ]; then __F=${__F#*"$__nl"}; else __N=${__N#*"$__nl"}; fi
          fi
          printf '%s\n' "$__ps"; __s=$__ps
          __pr=-; [ -r "$1" ] && __pr=r; __pw=-; [ -w "$1" ] && __pw=w; __px=-; [ -x "$1" ] && __px=x
          printf 'P %s%s%s\n' "$__pr" "$__pw" "$__px"
          if [ "$5" = 1 ] && [ "$__C" != - ]; then
            __pc=${__C%%"$__nl"*}; __C=${__C#*"$__nl"}; __pc=${__pc#\\}; printf 'C %s\n' "${__pc%% *}"
          elif [ -n "$3" ] && [ -f "$1" ] && { [ "$2" = 1 ] || [ ! -L "$1" ]; }; then
            if [ $# -gt 5 ] && __same "$1" "$__ps" "$6"; then __pc=$7; else __pc=$("$3"sum < "$1") || __pc=; fi
            printf 'C %s\n' "${__pc%% *}"
          fi
          if [ "$2" != 1 ] && [ -L "$1" ]; then printf L; readlink -- "$1"; fi
        }
        # __files ALGORITHM then FOLLOW SUM for each file n, whose path is in __p<n>: its kind into __k<n>, 1 into __c<n>
        # when SUM is 1 and it is a regular file (not a link, unless FOLLOW), then the stat lines of the N and F files
        # into __N and __F and the ALGORITHM checksums of the __c files into __C ("-" where a batch failed). Each batch's
        # paths become __files' own "$@" (a function cannot set its caller's), hence the selection inline three times.
        __files() {
          __fa=$1; shift; __fn=0
          while [ $# -gt 1 ]; do
            eval "__fp=\$__p$__fn"
            __kind "$__fp" "$1"; eval "__k$__fn=\$__v; __c$__fn="
            if [ "$2" = 1 ] && [ "$__v" != A ] && [ -f "$__fp" ] && { [ "$1" = 1 ] || [ ! -L "$__fp" ]; }; then eval "__c$__fn=1"; fi
            __fn=$((__fn + 1)); shift 2
          done
          {{Select("__k", "N")}}; __N=; if [ $# -gt 0 ]; then {{SessionHelper.StatInto("__N", follow: false)}}; fi
          {{Select("__k", "F")}}; __F=; if [ $# -gt 0 ]; then {{SessionHelper.StatInto("__F", follow: true)}}; fi
          __C=; [ -n "$__fa" ] || return 0
          {{Select("__c", "1")}}; if [ $# -gt 0 ]; then __C=$("${__fa}sum" -- "$@" 2>/dev/null) || __C=-; fi
        }
        # __size: field 8 of a stat line ($1), the size, into __z. __read: file $1 into __x by read (NUL bytes dropped).
        __size() { __z=${1#S * * * * * * }; __z=${__z%% *}; }
        __read() { __x=; while IFS= read -r __l; do __x="$__x$__l$__nl"; done <"$1"; __x="$__x$__l"; }
        # $1 path, $2 its stat line, $3 the expected size; the expected content is the request's data, in $__b.
        __same() { __size "$2"; [ "$__z" = "$3" ] && [ -r "$1" ] && __read "$1" && [ "$__x" = "$__b" ]; }
        # __ids KIND PATH FOLDER OWNER GROUP: see AddWriteIdentity. The writing user's id line is kept in __wid: in the
        # session's own shell, only the session's first new file costs an id process.
        __ids() {
          if [ -d "$2" ] || { [ -e "$3" ] && [ ! -d "$3" ]; }; then return 0; fi
          __io=$4; __ig=$5
          if [ "$1" = A ]; then printf 'M '; umask; printf 'I %s\n' "${__wid:=$(id)}"; set --; else set -- $__s; fi
          if [ -n "$__io" ] && [ "$__io" != "${4-}" ] && [ "$__io" != "${6-}" ]; then printf 'O '; id -- "$__io" 2>/dev/null || echo; fi
          if [ -n "$__ig" ] && [ "$__ig" != "${5-}" ] && [ "$__ig" != "${7-}" ]; then printf 'G '; getent group -- "$__ig" || echo; fi
        }
        # Prints small file $1 (stat line $2) when read byte-exact (no NUL dropped); fails otherwise, to cat it then.
        __small() {
          __size "$2"; [ "$__z" -le {{ExpectedContent.MaxBytes}} ] 2>/dev/null && [ -r "$1" ] && __read "$1" && [ "${#__x}" = "$__z" ] && printf '%s' "$__x"
        }
        """;

    private readonly List<string> questions = [];
    private readonly List<FileQuestion> files = [];
    private bool needsSubshell;

    // The one content a probe compares files with (copy and template ask about one content, in one or two places).
    private byte[]? comparedContent;

    public int Count => questions.Count;

    /// <param name="follow">Report what a symbolic link points to instead of the link itself.</param>
    /// <param name="checksumAlgorithm">md5, sha1, sha224, sha256, sha384 or sha512 (checked by the caller's spec); null = no checksum.</param>
    /// <param name="expectedContent">
    /// What the file should hold (copy, template): when small, compared on the host instead of checksummed. It comes
    /// as the request's data (never part of the script), which only reaches a script run without sudo, so pass it
    /// only where no become applies. One content per probe: a file asked about with another one is checksummed.
    /// </param>
    public int AddFile(string path, bool follow = false, string? checksumAlgorithm = null, byte[]? expectedContent = null)
    {
        var algorithm = checksumAlgorithm ?? "";
        var expected = ExpectedContent.For(algorithm, expectedContent);
        if (expected is not null && comparedContent is { } earlier && !earlier.AsSpan().SequenceEqual(expected.Content))
        {
            expected = null;
        }

        var file = new FileQuestion(files.Count, questions.Count, ShellQuote.Quote(path), follow, algorithm, expected is not null);
        files.Add(file);
        // The path travels once, in the batch's __p<n>; the host's shell reads every byte of a request singly.
        var question = $"__probe \"$__p{file.Number}\" {(follow ? "1" : "0")} {ShellQuote.Quote(algorithm)} \"$__k{file.Number}\" \"$__c{file.Number}\"";
        if (expected is null)
        {
            return Add(question);
        }

        comparedContent = expected.Content;
        return Add($"{question} {expected.Size} {expected.Checksum}");
    }

    /// <summary>
    /// What a write of the file asked about last needs to predict its owner, group and (when new) mode afterwards
    /// (<c>__ids</c>; read with <see cref="WriteIdentity.Parse"/>). Asked right after that file's question, whose stat
    /// line it reads: a file that exists and keeps its owner costs no process.
    /// </summary>
    /// <remarks>
    /// <c>__ids KIND PATH FOLDER OWNER GROUP</c> prints nothing when PATH is a directory or FOLDER exists as something
    /// else (no write goes there). For a new file (KIND A) it prints <c>M</c> and the umask, <c>I</c> and <c>id</c>'s
    /// line for the writing user; for a wanted OWNER or GROUP (empty: none) that the file does not have already, by name
    /// or number, <c>O</c> and <c>id OWNER</c>'s line or <c>G</c> and <c>getent group GROUP</c>'s.
    /// </remarks>
    /// <param name="file">The file's question, the last one added.</param>
    /// <param name="folder">The question of the folder it would be written into, added before.</param>
    /// <param name="owner">The owner the write gives it (name or number); null: its own, or the writing user's.</param>
    /// <param name="group">Likewise the group.</param>
    public int AddWriteIdentity(int file, int folder, string? owner, string? group)
    {
        if (file != questions.Count - 1 || FileNumber(file) is not { } fileNumber || FileNumber(folder) is not { } folderNumber)
        {
            throw new InvalidOperationException("a write identity follows its file's question and names an earlier folder question");
        }

        return Add($"__ids \"$__k{fileNumber}\" \"$__p{fileNumber}\" \"$__p{folderNumber}\" {ShellQuote.Quote(owner ?? "")} {ShellQuote.Quote(group ?? "")}");
    }

    /// <summary>
    /// A snippet of shell code whose standard output is the answer (it must not print NUL). A probe with one runs in
    /// a subshell: snippets set variables with plain names, which in the session's own shell could be exported ones.
    /// </summary>
    /// <param name="leavesShellAsItWas">
    /// The snippet assigns no variable and changes no folder, option or trap, and neither exits nor execs: then it
    /// needs no subshell of its own (a fork less on the host).
    /// </param>
    public int AddShell(string script, bool leavesShellAsItWas = false)
    {
        needsSubshell |= !leavesShellAsItWas;
        return Add("{ " + script + "\n}");
    }

    /// <summary>
    /// The probe as our own script. Its functions are shared: a session defines them once and later probes send
    /// only their questions (about 2 KB less for the host's shell to read, a byte per system call, each time).
    /// </summary>
    /// <param name="after">
    /// Shell code run after the questions (a snapshot's content). Like the file questions it leaves the shell as it
    /// was: it sets only __* names, and neither exits nor execs.
    /// </param>
    public CommandRequest Request(string after = "") =>
        new(BuildCommand() + after)
        {
            IsInternal = true,
            InSessionShell = !needsSubshell,
            SharedFunctions = files.Count > 0 ? Functions : null,
            ScriptData = comparedContent,
        };

    private string BuildCommand()
    {
        var command = new StringBuilder();
        if (files.Count > 0)
        {
            AppendBatches(command);
            command.Append(RecordsMarker);
        }

        foreach (var question in questions)
        {
            command.Append(question).Append("; printf '\\0'\n");
        }

        return command.ToString();
    }

    public async Task<RemoteAnswers> RunAsync(ITransport transport, CancellationToken cancellationToken)
    {
        var result = await transport.RunAsync(Request(), cancellationToken);
        return RemoteAnswers.Parse(result, questions.Count);
    }

    private void AppendBatches(StringBuilder command)
    {
        // The one algorithm whose checksums are batched; another one (rare) is computed file by file.
        var batched = files.FirstOrDefault(f => f.Algorithm.Length > 0 && !f.ComparesContent)?.Algorithm ?? "";
        var flags = new StringBuilder();
        foreach (var file in files)
        {
            command.Append($"__p{file.Number}={file.QuotedPath}\n");
            var summed = file.Algorithm.Length > 0 && file.Algorithm == batched && !file.ComparesContent;
            flags.Append(file.Follow ? " 1" : " 0").Append(summed ? " 1" : " 0");
        }

        command.Append("__files ").Append(ShellQuote.Quote(batched)).Append(flags).Append('\n');
    }

    // Sets "$@" to the paths __p<n> whose FLAG<n> variable equals VALUE, n from 0 to __fn - 1.
    private static string Select(string flag, string value) =>
        $"set --; __fi=0; while [ $__fi -lt $__fn ]; do eval \"[ \\\"\\${flag}$__fi\\\" = {value} ] && set -- \\\"\\$@\\\" \\\"\\$__p$__fi\\\"\"; __fi=$((__fi + 1)); done";

    private int Add(string question)
    {
        questions.Add(question);
        return questions.Count - 1;
    }

    private int? FileNumber(int question) => files.FirstOrDefault(f => f.Question == question)?.Number;

    private sealed record FileQuestion(int Number, int Question, string QuotedPath, bool Follow, string Algorithm, bool ComparesContent);
}
