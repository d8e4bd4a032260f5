using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Vault;

namespace Orchestrator.Cli;

/// <summary>Asks for a vault password on the terminal without echoing it.</summary>
internal static class VaultPasswordPrompt
{
    public static VaultSecret Ask(string prompt, TextWriter prompts)
    {
        prompts.Write(prompt);
        prompts.Flush();
        var typed = new System.Text.StringBuilder();

        // Ctrl-C must still interrupt while keys are read one by one.
        var controlCWasInput = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            while (ReadKey() is { } key)
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    typed.Length = Math.Max(0, typed.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }
        }
        finally
        {
            Console.TreatControlCAsInput = controlCWasInput;
            prompts.WriteLine();
        }

        // Ansible strips a typed password, so the same typing gives the same key in both tools.
        var password = typed.ToString().Trim();
        if (password.Length == 0)
        {
            throw new UserErrorException(SourceLocation.None, "an empty vault password was given", ExitCodes.BadOptions);
        }

        return VaultSecret.FromText(password);
    }

    /// <returns>The next key, or null at Enter or end of input (Ctrl-D).</returns>
    private static ConsoleKeyInfo? ReadKey()
    {
        var key = Console.ReadKey(intercept: true);
        if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control))
        {
            throw new OperationCanceledException("interrupted at the vault password prompt");
        }

        return key.Key == ConsoleKey.Enter || key.KeyChar == '\u0004' ? null : key;
    }
}
