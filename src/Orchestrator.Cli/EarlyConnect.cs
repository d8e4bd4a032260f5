using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;
using Orchestrator.Engine;
using Orchestrator.Inventory;
using Orchestrator.Playbooks;
using Orchestrator.Vault;

namespace Orchestrator.Cli;

/// <summary>
/// Loads the inventory before the playbook is parsed and starts the first play's connections with it
/// (<see cref="ConnectAhead"/>), so the ssh handshakes overlap the parse and the checks, not only the checks.
/// Done only when it changes nothing else a run shows: the first play's hosts are a plain pattern, and the inventory
/// loads without an error and without vault data (which may ask for a password: never before the playbook's own
/// errors are reported). Otherwise the run loads the inventory after the parse, as it always did, and reports there.
/// </summary>
internal static class EarlyConnect
{
    /// <param name="loadInventory">Loads the run's inventory with the tag resolver it is given.</param>
    /// <returns>The inventory, loaded exactly as the run would load it; null when the run must load it itself.</returns>
    public static HostInventory? Start(
        ConnectAhead connections,
        string playbookPath,
        Func<YamlValues.TagResolver, HostInventory> loadInventory,
        YamlValues.TagResolver tags,
        RunOptions options,
        CancellationToken cancellationToken)
    {
        if (PlaybookParser.PeekFirstPlayHosts(playbookPath) is not { } hosts)
        {
            return null;
        }

        var vaultMet = false;
        HostInventory inventory;
        try
        {
            inventory = loadInventory(scalar =>
            {
                if (scalar.Tag is { } tag && (tag == YamlLoader.VaultFileTag || VaultTagResolver.Tags.Contains(tag)))
                {
                    vaultMet = true;
                    return "";
                }

                return tags(scalar);
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever it is, the run meets it again when it loads the inventory after the parse, and reports it there.
            return null;
        }

        if (vaultMet)
        {
            return null;
        }

        StartupTrace.Mark("inventory loaded");
        try
        {
            connections.Start(hosts, inventory, options, cancellationToken);
        }
        catch (Exception e) when (e is UserErrorException or ArgumentException or FormatException)
        {
            // A bad host pattern, --limit or connection variable: the run reports it, with everything else, where it always did.
        }

        return inventory;
    }
}
