using System.CommandLine;
using Orchestrator.Core;
using Orchestrator.Vault;

namespace Orchestrator.Cli;

/// <summary>
/// `orchestrate vault (encrypt|decrypt|view|edit) FILE [--vault-password-file F]`, compatible with
/// ansible-vault's files. encrypt writes format 1.1; edit keeps a 1.2 file's label. Exit codes: 0 done;
/// 4 the file is not (or already) vault data, or does not decrypt (wrong password); 5 no such file, or no
/// usable password; 1 the file could not be written or the editor failed.
/// </summary>
internal static class VaultVerb
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var action = new Argument<string>("ACTION") { Description = "encrypt, decrypt, view or edit" };
        action.AcceptOnlyFromAmong("encrypt", "decrypt", "view", "edit");
        var file = new Argument<string>("FILE") { Description = "the file" };
        var passwordFile = CommonOptions.VaultPasswordFile();
        var command = new Command("vault", "encrypt, decrypt, view or edit a vault file (ansible-vault compatible)") { action, file, passwordFile };
        command.SetAction((result, token) =>
        {
            try
            {
                var verb = result.GetValue(action)!;
                var source = new VaultPasswordSource(result.GetValue(passwordFile), error);
                var files = new VaultFileActions(() => source.Get(confirmNew: verb == "encrypt"));
                return Task.FromResult(Execute(verb, result.GetValue(file)!, files, output, error, token));
            }
            catch (Exception ex)
            {
                return Task.FromResult(ErrorReporter.Report(ex, error, 0));
            }
        });
        return command;
    }

    private static int Execute(string verb, string path, VaultFileActions files, TextWriter output, TextWriter error, CancellationToken token)
    {
        switch (verb)
        {
            case "encrypt":
                files.Encrypt(path);
                error.WriteLine("Encryption successful");
                break;
            case "decrypt":
                files.Decrypt(path);
                error.WriteLine("Decryption successful");
                break;
            case "view":
                output.Write(new System.Text.UTF8Encoding(false).GetString(files.View(path)));
                output.Flush();
                break;
            default:
                var editor = Environment.GetEnvironmentVariable("EDITOR") is { Length: > 0 } chosen ? chosen : "vi";
                error.WriteLine(files.Edit(path, editor, token) ? "Encryption successful" : $"{path} unchanged");
                break;
        }

        return ExitCodes.Ok;
    }
}
