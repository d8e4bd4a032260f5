using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Commands;

/// <summary>
/// Recognises sudo refusing to run the command at all (become with a wrong or missing password), so the task
/// says so, as Ansible does, instead of a bare "non-zero return code" with sudo's words only in stderr.
/// </summary>
internal static partial class SudoRefusal
{
    /// <returns>The failure message, or null when the command ran (or failed in some other way).</returns>
    public static string? Describe(int exitCode, string stdout, string stderr)
    {
        // sudo exits 1 before the command starts, so nothing reached stdout; its verdict is its last line.
        if (exitCode != 1 || stdout.Length > 0)
        {
            return null;
        }

        var last = stderr.TrimEnd('\r', '\n').Split('\n')[^1].Trim();
        if (IncorrectAttempts().IsMatch(last))
        {
            return $"Incorrect sudo password ({last})";
        }

        return last == "sudo: a password is required"
            ? $"Missing sudo password ({last}): set ansible_become_password for this host"
            : null;
    }

    [GeneratedRegex(@"^sudo: \d+ incorrect password attempts?$")]
    private static partial Regex IncorrectAttempts();
}
