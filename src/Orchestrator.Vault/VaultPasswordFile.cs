using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Vault;

/// <summary>
/// Reads <c>--vault-password-file FILE</c> the way Ansible does, so one password file serves both tools:
/// a plain file gives its whole content with surrounding whitespace stripped; an executable file is run
/// (stdin and stderr stay the terminal, so it may prompt) and its stdout, with leading and trailing CR/LF
/// stripped, is the password. An empty password, a missing file or a failing script is a command-line
/// problem (exit 5).
/// </summary>
public static class VaultPasswordFile
{
    /// <summary>How long a password script may run; it may be prompting a person.</summary>
    public static readonly TimeSpan DefaultScriptTimeout = TimeSpan.FromMinutes(5);

    public static VaultSecret Read(string path, TimeSpan? scriptTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var where = new SourceLocation(path, 0, 0);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new UserErrorException(where, $"vault password file not found: {path}", ExitCodes.BadOptions);
        }

        byte[] password;
        string origin;
        if (IsExecutable(path))
        {
            password = Trim(VaultPasswordScript.Run(path, scriptTimeout ?? DefaultScriptTimeout), CrOrLf);
            origin = "script";
        }
        else
        {
            password = Trim(ReadAll(path), IsAsciiWhitespace);
            origin = "file";
        }

        if (password.Length == 0)
        {
            throw new UserErrorException(where, $"the vault password {origin} {path} gave an empty password", ExitCodes.BadOptions);
        }

        return VaultSecret.FromBytes(password);
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static byte[] ReadAll(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException(new SourceLocation(path, 0, 0), $"cannot read vault password file {path}: {ex.Message}", ExitCodes.BadOptions);
        }
    }

    private static bool CrOrLf(byte b) => b is (byte)'\r' or (byte)'\n';

    // Python's bytes.strip(): space, \t, \n, \v, \f, \r.
    private static bool IsAsciiWhitespace(byte b) => b is (byte)' ' or (>= 9 and <= 13);

    private static byte[] Trim(byte[] data, Func<byte, bool> strip)
    {
        var start = 0;
        var end = data.Length;
        while (start < end && strip(data[start]))
        {
            start++;
        }

        while (end > start && strip(data[end - 1]))
        {
            end--;
        }

        return data[start..end];
    }
}
