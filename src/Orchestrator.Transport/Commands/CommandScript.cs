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

    private static string Prepare(CommandRequest request, bool functionsDefined)
    {
        var script = new StringBuilder();
        if (request.WorkingDirectory is { } directory)
        {
            script.Append("cd -- ").Append(ShellQuote.Quote(directory)).Append(" || exit 1\n");
        }

        if (request.Environment is { Count: > 0 } environment)
        {
            script.Append("export");
            foreach (var (name, value) in environment)
            {
                if (!EnvironmentName().IsMatch(name))
                {
                    throw new ArgumentException($"'{name}' is not a valid environment variable name", nameof(request));
                }

                script.Append(' ').Append(name).Append('=').Append(ShellQuote.Quote(value));
            }

            script.Append('\n');
        }

        if (request.SharedFunctions is { } functions && !functionsDefined)
        {
            script.Append(functions).Append('\n');
        }

        return script.Append(request.Command).ToString();
    }

    // GNU timeout takes fractions; zero would mean "no limit", so the smallest limit is one millisecond.
    private static string Seconds(TimeSpan limit) =>
        Math.Max(0.001, limit.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture) + "s";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();
}
