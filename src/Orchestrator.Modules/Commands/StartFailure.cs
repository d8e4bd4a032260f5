using System.Text;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Commands;

/// <summary>
/// What Ansible reports when a command cannot start: chdir failing, or (command only) a program that cannot be
/// found or executed. Ansible sees Python's OSError there: failed, not changed, "[Errno N] text: b'path'". The
/// shell that runs the command tests these first and prints the marker with the errno, so a program that itself
/// exits 127 (or prints "not found") is never mistaken for one that could not start.
/// </summary>
internal static class StartFailure
{
    private const string Tag = "errno";

    /// <summary>cd into <paramref name="directory"/>, or print why not (as an errno) and exit.</summary>
    public static string ChangeDirectory(string directory, string marker)
    {
        var quoted = ShellQuote.Quote(directory);
        var why = $"if [ ! -e {quoted} ]; then {Print(marker, "chdir2")}; elif [ ! -d {quoted} ]; then {Print(marker, "chdir20")}; else {Print(marker, "chdir13")}; fi";
        return $"cd -- {quoted} 2>/dev/null || {{ {why}; exit 1; }}";
    }

    /// <summary>Leaves (printing why) unless <paramref name="program"/> can be executed, as Python's exec would see it.</summary>
    public static string FindProgram(string program, string marker)
    {
        var quoted = ShellQuote.Quote(program);
        return program.Contains('/', StringComparison.Ordinal)
            ? $"if [ ! -e {quoted} ]; then {Print(marker, "2")}; exit 2; elif [ -d {quoted} ] || [ ! -x {quoted} ]; then {Print(marker, "13")}; exit 2; fi"

            // A bare name is looked up in PATH as exec would.
            : $"command -v -- {quoted} >/dev/null 2>&1 || {{ {Print(marker, "2")}; exit 2; }}";
    }

    /// <summary>The failed result when <paramref name="stdout"/> is one of the markers above; null otherwise.</summary>
    public static ModuleResult? Result(CommandInvocation invocation, string marker, string stdout)
    {
        var prefix = marker + Tag;
        if (!stdout.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var code = stdout[prefix.Length..];
        var chdir = code.StartsWith("chdir", StringComparison.Ordinal);
        var errno = int.Parse(chdir ? code["chdir".Length..] : code, System.Globalization.CultureInfo.InvariantCulture);
        var path = chdir ? invocation.Chdir! : invocation.Program!;
        var error = $"[Errno {errno}] {Describe(errno)}: {PythonBytes(path)}";
        return new ModuleResult
        {
            Failed = true,
            Message = chdir ? $"Unable to change directory before execution: {error}" : error,

            // Ansible's rc: the errno when the program did not start; none when chdir failed (nothing ran).
            ReturnCode = chdir ? null : errno,
            Stdout = "",
            Stderr = "",
            Data = chdir ? ChdirData(invocation) : new Dictionary<string, object?>(StringComparer.Ordinal) { ["cmd"] = JoinedCommand(invocation) },
        };
    }

    // Ansible fails before running with its whole result so far: rc, start, end and delta all null.
    private static Dictionary<string, object?> ChdirData(CommandInvocation invocation) => new(StringComparer.Ordinal)
    {
        ["cmd"] = invocation.Display,
        ["rc"] = null,
        ["start"] = null,
        ["end"] = null,
        ["delta"] = null,
    };

    // Python's failure from run_command names the command as one shell-quoted line (shlex.quote's safe set is ours).
    private static object JoinedCommand(CommandInvocation invocation) =>
        invocation.Display is IEnumerable<object?> words ? ShellQuote.Join(words.Select(w => w?.ToString() ?? "")) : invocation.Display;

    private static string Print(string marker, string code) => $"printf %s {ShellQuote.Quote(marker + Tag + code)}";

    private static string Describe(int errno) => errno switch
    {
        2 => "No such file or directory",
        13 => "Permission denied",
        _ => "Not a directory",
    };

    /// <summary>Python's repr() of the path as bytes, as Ansible's message shows it: b'/x', b"it's".</summary>
    private static string PythonBytes(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        var quote = bytes.Contains((byte)'\'') && !bytes.Contains((byte)'"') ? '"' : '\'';
        var text = new StringBuilder("b").Append(quote);
        foreach (var b in bytes)
        {
            text.Append(b switch
            {
                (byte)'\\' => "\\\\",
                (byte)'\t' => "\\t",
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                _ when b == quote => "\\" + quote,
                < 0x20 or >= 0x7f => $"\\x{b:x2}",
                _ => ((char)b).ToString(),
            });
        }

        return text.Append(quote).ToString();
    }
}
