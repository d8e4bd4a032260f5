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
    /// <summary>Separates the batches from the records (a test double reads from here on).</summary>
    public const string RecordsMarker = ": records\n";

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
            SharedFunctions = files.Count > 0 ? ProbeFunctions.Script : null,
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

    private int Add(string question)
    {
        questions.Add(question);
        return questions.Count - 1;
    }

    private int? FileNumber(int question) => files.FirstOrDefault(f => f.Question == question)?.Number;

    private sealed record FileQuestion(int Number, int Question, string QuotedPath, bool Follow, string Algorithm, bool ComparesContent);
}
