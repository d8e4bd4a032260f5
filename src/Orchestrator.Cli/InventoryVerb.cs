using System.CommandLine;
using Orchestrator.Core;
using Orchestrator.Inventory;
using Orchestrator.Vault;

namespace Orchestrator.Cli;

/// <summary>`orchestrate inventory -i INV (--list | --graph | --host NAME)`, shaped like ansible-inventory's output.</summary>
internal static class InventoryVerb
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var inventory = CommonOptions.Inventory();
        var list = new Option<bool>("--list") { Description = "all groups and hosts with their variables, as JSON" };
        var graph = new Option<bool>("--graph") { Description = "the group tree" };
        var host = new Option<string?>("--host") { Description = "one host's variables, as JSON" };
        var vaultPassword = CommonOptions.VaultPasswordFile();
        var command = new Command("inventory", "show an inventory") { inventory, list, graph, host, vaultPassword };
        command.SetAction(result =>
        {
            var modes = new[] { result.GetValue(list), result.GetValue(graph), result.GetValue(host) is not null }.Count(x => x);
            if (modes != 1)
            {
                error.WriteLine("ERROR: give exactly one of --list, --graph or --host NAME");
                return ExitCodes.BadOptions;
            }

            try
            {
                // Vault values are decrypted (a wrong password is an error) but shown as ********.
                var passwords = new VaultPasswordSource(result.GetValue(vaultPassword), error);
                var tags = VaultTagResolver.CreateMasked(new VaultDecryptor(() => passwords.Get()));
                var loaded = InventoryLoader.Load(InventoryPaths.Resolve(result.GetValue(inventory)), null, tags);
                var name = result.GetValue(host);
                if (name is not null && loaded.FindHost(name) is null)
                {
                    error.WriteLine($"ERROR: no host '{name}' in the inventory");
                    return ExitCodes.BadOptions;
                }

                output.WriteLine(result.GetValue(list) ? InventoryRendering.ToListJson(loaded)
                    : result.GetValue(graph) ? InventoryRendering.ToGraph(loaded)
                    : InventoryRendering.HostJson(loaded, name!));
                return ExitCodes.Ok;
            }
            catch (Exception ex)
            {
                return ErrorReporter.Report(ex, error, 0);
            }
        });
        return command;
    }
}
