using System.Globalization;

namespace Orchestrator.Modules.Files;

/// <summary>
/// File modes as the binder hands them over: octal ("0644") or symbolic ("u+rwX,o-w"). Symbolic modes are
/// computed here exactly as GNU chmod does, so a plan can predict the result and compare before running anything.
/// </summary>
internal static class PermissionMode
{
    private const int SetUid = 0x800;
    private const int SetGid = 0x400;
    private const int Sticky = 0x200;

    public static bool IsOctal(string mode) => mode.Length > 0 && mode.All(c => c is >= '0' and <= '7');

    public static int ParseOctal(string mode) => Convert.ToInt32(mode, 8);

    /// <summary>Ansible's form: at least four octal digits ("0644", "4755").</summary>
    public static string Format(int permissions) =>
        Convert.ToString(permissions & 0xFFF, 8).PadLeft(4, '0');

    /// <summary>The permissions <paramref name="mode"/> gives a path whose current permissions are <paramref name="current"/>.</summary>
    public static int Apply(string mode, int current, bool isDirectory)
    {
        if (IsOctal(mode))
        {
            return ParseOctal(mode);
        }

        var result = current & 0xFFF;
        foreach (var clause in mode.Split(','))
        {
            result = ApplyClause(clause, result, isDirectory);
        }

        return result;
    }

    /// <summary>Why <paramref name="mode"/> is not a mode chmod accepts; null when it is.</summary>
    public static string? Problem(string mode)
    {
        try
        {
            Apply(mode, 0, isDirectory: false);
            return null;
        }
        catch (FormatException error)
        {
            return error.Message;
        }
    }

    /// <summary>
    /// A symbolic mode with "a" made explicit where no user class is named, so chmod ignores the umask and
    /// behaves as <see cref="Apply"/> predicts (Ansible ignores the umask too).
    /// </summary>
    public static string ExplicitSymbolic(string mode) =>
        IsOctal(mode) ? mode : string.Join(',', mode.Split(',').Select(c => c.Length > 0 && c[0] is '+' or '-' or '=' ? "a" + c : c));

    private static int ApplyClause(string clause, int mode, bool isDirectory)
    {
        var index = 0;
        var who = 0;
        while (index < clause.Length && clause[index] is 'u' or 'g' or 'o' or 'a')
        {
            who |= clause[index] switch { 'u' => SetUid | 0x1C0, 'g' => SetGid | 0x38, 'o' => Sticky | 0x7, _ => 0xFFF };
            index++;
        }

        if (who == 0)
        {
            who = 0xFFF;
        }

        if (index == clause.Length)
        {
            throw new FormatException($"invalid symbolic mode '{clause}': no +, - or =");
        }

        while (index < clause.Length)
        {
            var op = clause[index++];
            if (op is not ('+' or '-' or '='))
            {
                throw new FormatException($"invalid symbolic mode '{clause}'");
            }

            var start = index;
            while (index < clause.Length && clause[index] is not ('+' or '-' or '='))
            {
                index++;
            }

            var (value, mentioned) = Permissions(clause[start..index], mode, isDirectory);
            value &= who;
            mode = op switch
            {
                '+' => mode | value,
                '-' => mode & ~value,
                // chmod keeps a directory's setuid/setgid bits under '=' unless the clause names them.
                _ => (mode & ~(who & ~(isDirectory ? (SetUid | SetGid) & ~mentioned : 0))) | value,
            };
        }

        return mode;
    }

    private static (int Value, int Mentioned) Permissions(string letters, int mode, bool isDirectory)
    {
        var value = 0;
        var mentioned = 0;
        foreach (var letter in letters)
        {
            value |= letter switch
            {
                'r' => 0x124,
                'w' => 0x92,
                'x' => 0x49,
                'X' when isDirectory || (mode & 0x49) != 0 => 0x49,
                'X' => 0,
                's' => SetUid | SetGid,
                't' => Sticky,
                'u' => Replicate((mode >> 6) & 7),
                'g' => Replicate((mode >> 3) & 7),
                'o' => Replicate(mode & 7),
                _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"invalid permission '{letter}' in symbolic mode")),
            };
            mentioned |= letter == 's' ? SetUid | SetGid : 0;
        }

        return (value, mentioned);
    }

    private static int Replicate(int bits) => bits | (bits << 3) | (bits << 6);
}
