using Orchestrator.Core.Transport;
using Orchestrator.Modules.Files;

namespace Orchestrator.Modules.Text;

/// <summary>
/// A file's state, its real path (links resolved, as Ansible writes through them) and its content, read in ONE
/// command: the probe's records come first, NUL-terminated, and the raw bytes of the file last. A small file is
/// read by the shell itself, a larger one (or one holding a NUL, which the shell drops) by cat.
/// </summary>
internal sealed record FileSnapshot(RemoteFileState State, string? RealPath, byte[]? Content)
{
    /// <summary>Where a write goes: the link's target for a link, the path itself when it does not resolve.</summary>
    public string WritePath => string.IsNullOrEmpty(RealPath) ? State.Path : RealPath;

    /// <summary>readlink -f fails when a folder on the way is missing; a write then has to create the parent first.</summary>
    public bool ParentMissing => string.IsNullOrEmpty(RealPath);

    public static async Task<(FileSnapshot? Snapshot, string? Error)> TakeAsync(ITransport transport, string path, CancellationToken cancellationToken)
    {
        var probe = new RemoteProbe();
        var stateIndex = probe.AddFile(path, follow: true);
        var quoted = ShellQuote.Quote(path);
        var realIndex = probe.AddShell(RealPathScript(path), leavesShellAsItWas: true);
        var request = probe.Request($"if [ -f {quoted} ]; then __small {quoted} \"$__s\" || cat -- {quoted}\nfi\n");
        var result = await transport.RunAsync(request, cancellationToken);
        var answers = RemoteAnswers.Parse(result, probe.Count);
        if (answers.Error is not null)
        {
            return (null, answers.Error);
        }

        var state = answers.File(stateIndex, path);
        if (state.Error is not null)
        {
            return (null, $"cannot inspect {path}: {state.Error}");
        }

        var realPath = answers.Text(realIndex);
        realPath = realPath.EndsWith('\n') ? realPath[..^1] : realPath;
        if (!state.IsFile)
        {
            return (new FileSnapshot(state, realPath, null), null);
        }

        if (result.ExitCode != 0)
        {
            return (null, $"cannot read {path}: {result.StderrText.Trim()}");
        }

        return (new FileSnapshot(state, realPath, result.Stdout[ContentStart(result.Stdout, probe.Count)..]), null);
    }

    /// <summary>
    /// The path writes go to, as readlink -f prints it, but without its process when the path is not a link: then
    /// the path itself is where a write goes, and the test builtin tells whether its folder is there. Every
    /// process costs the host about a millisecond, and this runs for every lineinfile task. It assigns nothing, so
    /// the whole snapshot runs in the session's own shell.
    /// </summary>
    private static string RealPathScript(string path)
    {
        var quoted = ShellQuote.Quote(path);
        return $"if [ -L {quoted} ]; then readlink -f -- {quoted} 2>/dev/null || :; "
            + $"elif [ -d {ShellQuote.Quote(RemotePath.Parent(path))} ]; then printf '%s\\n' {quoted}; fi";
    }

    private static int ContentStart(byte[] output, int records)
    {
        var position = 0;
        for (var record = 0; record < records; record++)
        {
            position = Array.IndexOf(output, (byte)0, position) + 1;
        }

        return position;
    }
}
