using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Output;
using Orchestrator.Core.Secrets;
using Orchestrator.Engine;
using Orchestrator.Inventory;
using Orchestrator.Output;

namespace Orchestrator.Cli;

/// <summary>`orchestrate run`: load, validate everything, then plan-only output or the real run.</summary>
internal sealed class RunVerb(TextWriter output, TextWriter error)
{
    public async Task<int> ExecuteAsync(RunArguments arguments, CancellationToken cancellationToken)
    {
        var composition = new Composition(arguments.Verbosity, error, arguments.VaultPasswordFile);
        var extraVars = ExtraVarsParser.Parse(arguments.ExtraVars, composition.Tags);
        if (!File.Exists(arguments.Playbook))
        {
            await error.WriteLineAsync($"ERROR: playbook not found: {arguments.Playbook}").ConfigureAwait(false);
            return ExitCodes.BadOptions;
        }

        StartupTrace.Mark("main entered");
        var playbookDirectory = Path.GetDirectoryName(Path.GetFullPath(arguments.Playbook))!;
        var options = new RunOptions
        {
            CheckMode = arguments.Check,
            DiffMode = arguments.Diff,
            Forks = arguments.Forks,
            Tags = arguments.Tags,
            SkipTags = arguments.SkipTags,
            Limit = arguments.Limit,
            StartAtTask = arguments.StartAtTask,
            ExtraVars = extraVars,
            DefaultUser = arguments.User,
            PrivateKeyFile = arguments.PrivateKey,
            Become = arguments.Become,
            Verbosity = arguments.Verbosity,
            ProjectDirectory = ProjectDirectory.Find(playbookDirectory),
        };

        await using var connections = composition.Connections;
        var runs = !arguments.SyntaxCheck && !arguments.ListHosts && !arguments.ListTasks;
        var inventory = runs
            ? EarlyConnect.Start(connections, arguments.Playbook, tags => LoadInventory(arguments, playbookDirectory, tags), composition.Tags, options, cancellationToken)
            : null;
        var playbook = composition.Parser.Parse(arguments.Playbook);
        StartupTrace.Mark("playbook parsed");
        if (inventory is null)
        {
            inventory = LoadInventory(arguments, playbookDirectory, composition.Tags);
            StartupTrace.Mark("inventory loaded");
        }

        LimitPattern.Check(inventory, arguments.Limit);

        // Listing plans needs no variables (as in ansible-playbook); a syntax check or a run validates them all.
        if (arguments.ListHosts || arguments.ListTasks)
        {
            new PlanPrinter(output, inventory, arguments, options).Print(playbook);
            return ExitCodes.Ok;
        }

        UndefinedVariableCheck.Run(playbook, inventory, options, composition.Templates, composition.Modules);
        if (arguments.SyntaxCheck)
        {
            await output.WriteLineAsync($"\nplaybook: {arguments.Playbook}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        StartupTrace.Mark("playbook and inventory loaded and checked");
        var json = arguments.JsonReport is null ? null : new JsonReportObserver(arguments.JsonReport);
        var onTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        using var console = new ConsoleObserver(output, new ConsoleOptions
        {
            Verbosity = arguments.Verbosity,
            Colour = onTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null,
            DiffMode = arguments.Diff,
            CheckMode = arguments.Check,
            ShowProgress = onTerminal && arguments.Verbosity == 0,
        });
        IRunObserver observer = json is null ? console : new CompositeObserver(console, json);
        try
        {
            return await composition.Runner.RunAsync(playbook, inventory, options, observer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            json?.Flush();
            await error.WriteLineAsync("Interrupted: running tasks were finished or abandoned, connections closed.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch
        {
            // The report is written even when the run fails.
            json?.Flush();
            throw;
        }
    }

    private static HostInventory LoadInventory(RunArguments arguments, string playbookDirectory, Orchestrator.Core.Yaml.YamlValues.TagResolver tags)
    {
        var inventoryPaths = InventoryPaths.Resolve(arguments.Inventories);
        return inventoryPaths.Count == 0
            ? InventoryLoader.Localhost(playbookDirectory, tags)
            : InventoryLoader.Load(inventoryPaths, playbookDirectory, tags);
    }
}
