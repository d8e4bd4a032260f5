namespace Orchestrator.Core.Transport;

/// <param name="Command">A POSIX shell command line; every value in it must already be quoted with <see cref="ShellQuote"/>.</param>
public sealed record CommandRequest(string Command)
{
    /// <summary>Bytes fed to the command's standard input (content travels here or in <see cref="ScriptData"/>, never in a script or on a command line).</summary>
    public byte[]? Stdin { get; init; }

    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Working directory on the host; null = the login user's home.</summary>
    public string? WorkingDirectory { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary>Run as another user through sudo; null = as the connection user.</summary>
    public BecomeOptions? Become { get; init; }

    /// <summary>
    /// Our own script (a module's probe), not a user's command: the session may run it in a subshell of its
    /// shell, which is cheaper than a new <c>/bin/sh -c</c>. Such a script assigns every variable it reads and
    /// does not use <c>$$</c> or <c>$PPID</c> as its own. User commands leave it false and get a fresh shell.
    /// </summary>
    public bool IsInternal { get; init; }

    /// <summary>
    /// Our own script (with <see cref="IsInternal"/>) that may run in the session's own shell, without even a
    /// subshell's fork: it only runs commands and sets variables of its own (never one of the session's
    /// <c>__*</c> names beyond those of the shared functions), and never exits, execs, changes directory, umask,
    /// traps, options or the shell's redirections. The session still runs it in a subshell wherever a fresh
    /// shell or a subshell is needed anyway (become, a timeout, a working directory, environment or stdin).
    /// </summary>
    public bool InSessionShell { get; init; }

    /// <summary>
    /// Shell function definitions the script uses (definitions only: running them has no other effect). A session
    /// may define them once in its own shell and then send only the script with each request that uses them;
    /// where the script runs in a fresh shell (a user's command, or through sudo) they travel with it.
    /// </summary>
    public string? SharedFunctions { get; init; }

    /// <summary>
    /// Bytes (file content) that our own script reads from the shell variable <c>$__b</c>: the session reads them
    /// into it as data, never as code, so content is never part of a script or a command line. Only for an internal
    /// request without become (a subshell of the session; sudo would start a fresh shell), and without NUL bytes
    /// (see <see cref="CanCarry"/>).
    /// </summary>
    public byte[]? ScriptData { get; init; }

    /// <summary>Whether <paramref name="bytes"/> can be <see cref="ScriptData"/>: no NUL (no shell variable can hold one).</summary>
    public static bool CanCarry(ReadOnlySpan<byte> bytes) => !bytes.Contains((byte)0);
}
