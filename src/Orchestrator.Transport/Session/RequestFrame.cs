using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Transport.Session;

/// <summary>One request of the session protocol (see <see cref="LoopScript"/>).</summary>
/// <param name="Script">The shell script the host runs with <c>/bin/sh -c</c>, newline-terminated lines.</param>
/// <param name="Lines">How many lines <paramref name="Script"/> has.</param>
/// <param name="Password">The sudo password line, or empty; never logged.</param>
/// <param name="Stdin">The bytes the script reads on its standard input.</param>
/// <param name="Subshell">Run in a subshell of the session loop (our own scripts) instead of a new <c>/bin/sh -c</c>.</param>
/// <param name="Defines">Evaluate the script in the loop's own shell: shared function definitions (see <see cref="Definitions"/>).</param>
internal sealed record RequestFrame(byte[] Script, int Lines, byte[] Password, byte[] Stdin, bool Subshell, bool Defines = false)
{
    /// <summary>
    /// Ends a subshell request's output, which comes unframed (see LoopScript): random per request and sent only
    /// inside the request, so nothing on the host can know it in advance and end the output early.
    /// </summary>
    public string EndMarker { get; } = Subshell ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : "-";

    /// <summary>The script's data (see <see cref="Core.Transport.CommandRequest.ScriptData"/>) and a final line break, or empty.</summary>
    public byte[] Data { get; private init; } = [];

    /// <summary>Run in the session's own shell rather than a subshell of it (no fork).</summary>
    public bool SessionShell { get; private init; }

    /// <summary>How many lines <see cref="Data"/> has: the loop reads that many into <c>$__b</c> and drops the final line break.</summary>
    public int DataLines { get; private init; }

    /// <exception cref="ArgumentException">
    /// A NUL in the script or the data (no shell can hold one), data for a user's command (its shell is a fresh one),
    /// or a line break in the password (sudo reads one line).
    /// </exception>
    /// <param name="sessionShell">Our own script for the session's own shell (see <see cref="Core.Transport.CommandRequest.InSessionShell"/>).</param>
    public static RequestFrame Create(
        string script, string? password, byte[]? stdin, bool subshell = false, byte[]? data = null, bool sessionShell = false)
    {
        if (sessionShell && (!subshell || password is not null || stdin is { Length: > 0 }))
        {
            throw new ArgumentException("only our own script without a password or stdin runs in the session's own shell", nameof(sessionShell));
        }

        if (data is not null && (!subshell || !Core.Transport.CommandRequest.CanCarry(data)))
        {
            throw new ArgumentException("script data is for our own scripts in the session's subshell and cannot hold a NUL byte", nameof(data));
        }

        if (script.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("a command cannot contain a NUL character; pass such data on stdin", nameof(script));
        }

        if (password is not null && password.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
        {
            throw new ArgumentException("a sudo password cannot contain a line break or NUL", nameof(password));
        }

        var text = script.EndsWith('\n') ? script : script + "\n";
        return new RequestFrame(
            Encoding.UTF8.GetBytes(text),
            text.Count(c => c == '\n'),
            password is null ? [] : Encoding.UTF8.GetBytes(password + "\n"),
            stdin ?? [],
            subshell)
        {
            Data = data is null ? [] : [.. data, (byte)'\n'],
            DataLines = data is null ? 0 : data.Count(b => b == (byte)'\n') + 1,
            SessionShell = sessionShell,
        };
    }

    /// <summary>
    /// Function definitions for the loop's own shell, which every later subshell request inherits: they are sent
    /// once per session instead of with every request that uses them (the loop reads a request a byte at a time).
    /// </summary>
    public static RequestFrame Definitions(string functions) => Create(functions, null, null, subshell: true) with { Defines = true };

    public byte[] Header(string token) =>
        Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{token} {Lines} {(Password.Length == 0 ? 0 : 1)} {Stdin.Length} {(Defines ? 2 : SessionShell ? 3 : Subshell ? 1 : 0)} {EndMarker} {DataLines}\n"));

    // The password must never reach a log through the record's generated ToString.
    public override string ToString() =>
        $"RequestFrame {{ Script = {Lines} lines, Password = {(Password.Length == 0 ? "none" : "********")}, Data = {Data.Length} bytes, Stdin = {Stdin.Length} bytes }}";
}
