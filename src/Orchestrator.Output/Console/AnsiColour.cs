namespace Orchestrator.Output.Console;

/// <summary>The colour codes of ansible/utils/color.py, applied the way its stringc does (each line wrapped on its own).</summary>
internal static class AnsiColour
{
    public const string Green = "0;32";
    public const string Yellow = "0;33";
    public const string Cyan = "0;36";
    public const string Red = "0;31";
    public const string BrightRed = "1;31";
    public const string BrightPurple = "1;35";
    public const string DarkGray = "1;30";

    // Ansible's COLOR_* defaults.
    public const string Ok = Green;
    public const string Changed = Yellow;
    public const string Skip = Cyan;
    public const string Error = Red;
    public const string Unreachable = BrightRed;
    public const string Warn = BrightPurple;
    public const string Debug = DarkGray;
    public const string DiffAdd = Green;
    public const string DiffRemove = Red;
    public const string DiffLines = Cyan;

    public static string Wrap(string text, string? code, bool enabled)
    {
        if (!enabled || code is null)
        {
            return text;
        }

        return string.Join('\n', text.Split('\n').Select(line => $"\u001b[{code}m{line}\u001b[0m"));
    }
}
