using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Commands;

/// <summary>
/// Turns a <see cref="CommandRequest"/> into the script the session runs with <c>/bin/sh -c</c>:
/// working directory and environment first (inside sudo, which would reset them), then the command,
/// wrapped in <c>timeout</c> and <c>sudo</c> when asked for.
/// </summary>
/// <remarks>
/// Environment values may be secrets, and a script that starts a program is that program's argument: the host's
/// process list shows it to every user, and sudo writes it to its log. So wherever the script becomes an argument
/// (a user's command, which gets a fresh <c>/bin/sh -c</c>; anything run through sudo), the values come first on
/// the command's standard input (a line with their line count, then <c>export</c> lines) and the script only
/// reads them (<see cref="EnvironmentReader"/>). Our own scripts without sudo run in a subshell of the session,
/// a fork without an exec, so their exports stay in the script.
/// </remarks>
internal static partial class CommandScript
{
    /// <summary>Seconds between timeout's TERM and its KILL for commands that ignore TERM.</summary>
    private const int KillAfterSeconds = 5;

    /// <param name="functionsDefined">The session's shell already has the request's shared functions; otherwise they are sent with it.</param>
    public static string Compose(CommandRequest request, string sessionDirectory, bool functionsDefined = false) =>
        Wrap(Prepare(request, functionsDefined), request.Timeout, request.Become, sessionDirectory);

    /// <summary>Adds the timeout and sudo prefixes around an already complete script.</summary>
    public static string Wrap(string script, TimeSpan? timeout, BecomeOptions? become, string sessionDirectory)
    {
        var prefix = new StringBuilder();
        if (become is not null)
        {
            if (become.Password is null)
            {
                // -n: fail at once ("a password is required") rather than wait for a password nobody sends.
                prefix.Append("exec sudo -H -n");
            }
            else
            {
                // The helper (see LoopScript) prints the password from a 0600 file; sudo runs it only when it
                // needs a password, so a NOPASSWD rule never lets the password leak into the command's stdin.
                var askpass = sessionDirectory + "/" + Session.LoopScript.AskpassFile;
                prefix.Append("SUDO_ASKPASS=/bin/sh exec sudo -H -A -p ").Append(ShellQuote.Quote(askpass));
            }

            prefix.Append(" -u ").Append(ShellQuote.Quote(become.User)).Append(" --");
        }

        if (timeout is { } limit)
        {
            prefix.Append(prefix.Length == 0 ? "exec timeout" : " timeout")
                .Append(CultureInfo.InvariantCulture, $" -k {KillAfterSeconds} {Seconds(limit)}");
        }

        return prefix.Length == 0 ? script : $"{prefix} /bin/sh -c {ShellQuote.Quote(script)}";
    }

    /// <summary>
    /// Reads the count line and that many lines of exports from stdin (a byte at a time, as <c>read</c> does on a
    /// pipe, so the command's own input is left exactly as it was sent) and runs them.
    /// </summary>
    public const string EnvironmentReader =
        "IFS= read -r __n || exit 1; __v=; while [ \"$__n\" -gt 0 ]; do IFS= read -r __l || exit 1; __v=\"$__v$__l\n\"; "
        + "__n=$((__n - 1)); done; eval \"$__v\"; unset __n __v __l\n";

    /// <summary>The command's standard input: the environment first when it travels there (see remarks), then the request's own.</summary>
    public static byte[] Stdin(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!EnvironmentOnStdin(request))
        {
            return request.Stdin ?? [];
        }

        var exports = Exports(request);
        var block = Encoding.UTF8.GetBytes(exports.Count(c => c == '\n').ToString(CultureInfo.InvariantCulture) + "\n" + exports);
        return [.. block, .. request.Stdin ?? []];
    }

    /// <summary>
    /// Our own script without sudo: it runs in a subshell of the session (a fork, no exec), so it sees what the
    /// session's shell holds (shared functions, script data) and is nobody's argument.
    /// </summary>
    public static bool RunsInSession(CommandRequest request) => request.IsInternal && request.Become is null;

    /// <summary>
    /// Our own script that asked for the session's own shell (<see cref="CommandRequest.InSessionShell"/>) and needs
    /// nothing a subshell gives: no timeout or sudo (both exec), no working directory or environment (both would
    /// stay), no stdin (it comes through a pipe).
    /// </summary>
    public static bool RunsInSessionShell(CommandRequest request) =>
        request.InSessionShell && RunsInSession(request) && request.Timeout is null && request.WorkingDirectory is null
        && request.Environment is not { Count: > 0 } && request.Stdin is not { Length: > 0 };

    private static bool EnvironmentOnStdin(CommandRequest request) =>
        request.Environment is { Count: > 0 } && !RunsInSession(request);

    private static string Prepare(CommandRequest request, bool functionsDefined)
    {
        var script = new StringBuilder();
        if (request.WorkingDirectory is { } directory)
        {
            script.Append("cd -- ").Append(ShellQuote.Quote(directory)).Append(" || exit 1\n");
        }

        if (request.Environment is { Count: > 0 })
        {
            var exports = Exports(request); // checked here even when the values travel on stdin
            script.Append(EnvironmentOnStdin(request) ? EnvironmentReader : exports);
        }

        if (request.SharedFunctions is { } functions && !functionsDefined)
        {
            script.Append(functions).Append('\n');
        }

        return script.Append(request.Command).ToString();
    }

    /// <summary>One <c>export NAME='value'</c> line per variable (a value with line breaks spans several).</summary>
    private static string Exports(CommandRequest request)
    {
        var exports = new StringBuilder();
        foreach (var (name, value) in request.Environment!)
        {
            if (!EnvironmentName().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a valid environment variable name", nameof(request));
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"the value of {name} contains a NUL character, which no environment can hold", nameof(request));
            }

            exports.Append("export ").Append(name).Append('=').Append(ShellQuote.Quote(value)).Append('\n');
        }

        return exports.ToString();
    }

    // GNU timeout takes fractions; zero would mean "no limit", so the smallest limit is one millisecond.
    private static string Seconds(TimeSpan limit) =>
        Math.Max(0.001, limit.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture) + "s";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();
}
