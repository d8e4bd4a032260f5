using System.CommandLine;
using Orchestrator.Core;

namespace Orchestrator.Cli;

/// <summary>`orchestrate vault (encrypt|decrypt|view|edit) FILE`.</summary>
internal static class VaultVerb
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var action = new Argument<string>("ACTION") { Description = "encrypt, decrypt, view or edit" };
        action.AcceptOnlyFromAmong("encrypt", "decrypt", "view", "edit");
        var file = new Argument<string>("FILE") { Description = "the file" };
        var command = new Command("vault", "encrypt, decrypt, view or edit a vault file") { action, file, CommonOptions.VaultPasswordFile() };
        command.SetAction(_ =>
        {
            // Ansible Vault support is tracked as its own piece of work; say so plainly instead of pretending.
            error.WriteLine("ERROR: vault is not available in this build yet");
            return ExitCodes.OtherError;
        });
        return command;
    }
}
