using System.Diagnostics;
using Orchestrator.Core;
using Orchestrator.Core.Output;
using Orchestrator.Core.Secrets;
using Orchestrator.Core.Templating;
using Orchestrator.Core.Transport;
using Orchestrator.Core.Yaml;
using Orchestrator.Inventory;
using Orchestrator.Modules;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>Runs a parsed playbook against an inventory and reports through an observer. The engine's entry point.</summary>
public sealed class PlaybookRunner(
    ModuleRegistry modules,
    ITemplateEngine templates,
    ITransportFactory transports,
    SecretMasker secrets,
    TaskFileLoader loadTaskFile)
{
    /// <summary>Resolves !vault and other tagged scalars in vars files.</summary>
    public YamlValues.TagResolver? TagResolver { get; init; }

    /// <returns>The process exit code of SPEC §2 (0, 2, 3); user errors found while running throw <see cref="Orchestrator.Core.Diagnostics.UserErrorException"/>.</returns>
    public async Task<int> RunAsync(Playbook playbook, HostInventory inventory, RunOptions options, IRunObserver observer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        RegisterConnectionSecrets(inventory);
        var output = new ObserverGate(observer, secrets);
        var pool = new TransportPool(transports, host => ConnectionFor(inventory, options, host));
        var run = new RunContext(options, inventory, modules, templates, pool, output, secrets)
        {
            TagResolver = TagResolver,
            StartReached = options.StartAtTask is null,
        };
        output.RunStarted(new RunStarted(playbook.Path, options.CheckMode, options.DiffMode));
        var exitCode = ExitCodes.OtherError;
        try
        {
            var player = new PlayRunner(run, loadTaskFile);
            foreach (var play in playbook.Plays)
            {
                if (!await player.RunAsync(play, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }

            exitCode = ExitCodeOf(run);
            return exitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            exitCode = ExitCodes.Interrupted;
            throw;
        }
        finally
        {
            await pool.DisposeAsync().ConfigureAwait(false);
            // Like ansible-playbook, the recap lists only hosts that produced a result: a host of a serial batch
            // never reached (or left out by tags everywhere) gets no line of zeros.
            var recap = run.AllHosts()
                .Select(h => (h.Name, Stats: h.Stats.Snapshot()))
                .Where(h => h.Stats != new HostStats())
                .ToDictionary(h => h.Name, h => h.Stats, StringComparer.Ordinal);
            output.RunFinished(new RunFinished(recap, clock.Elapsed, exitCode));
        }
    }

    // Passwords in the inventory are secrets from the start, whether or not a task ever becomes.
    // (A templated one points at a vault value, which the vault registers itself.)
    private void RegisterConnectionSecrets(HostInventory inventory)
    {
        string[] names = ["ansible_become_password", "ansible_become_pass", "ansible_password", "ansible_ssh_pass"];
        foreach (var host in inventory.Hosts)
        {
            var vars = inventory.VariablesOf(host.Name);
            foreach (var name in names)
            {
                if (vars.GetValueOrDefault(name) is { } value)
                {
                    secrets.Register(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }

    private static int ExitCodeOf(RunContext run)
    {
        var hosts = run.AllHosts();
        if (hosts.Any(h => h.Stats.Snapshot().Failed > 0))
        {
            return ExitCodes.HostFailed;
        }

        return hosts.Any(h => h.Unreachable) ? ExitCodes.HostUnreachable : ExitCodes.Ok;
    }

    /// <summary>How the run reaches <paramref name="host"/>: its inventory settings, then -u and --private-key.</summary>
    public static ConnectionSettings ConnectionFor(HostInventory inventory, RunOptions options, string host)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(options);
        var settings = inventory.ConnectionOf(host);
        return settings with
        {
            User = settings.User ?? options.DefaultUser,
            PrivateKeyFile = settings.PrivateKeyFile ?? options.PrivateKeyFile,
        };
    }
}
