using Microsoft.Extensions.Logging;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Secrets;
using Orchestrator.Core.Yaml;
using Orchestrator.Engine;
using Orchestrator.Modules;
using Orchestrator.Playbooks;
using Orchestrator.Templating;
using Orchestrator.Transport;
using Orchestrator.Vault;

namespace Orchestrator.Cli;

/// <summary>The composition root: every part of the program is created and wired here, explicitly.</summary>
internal sealed class Composition
{
    /// <param name="vaultPasswordFile">--vault-password-file; the password is only read when vault data is met.</param>
    public Composition(int verbosity, TextWriter diagnostics, string? vaultPasswordFile = null)
    {
        Secrets = new SecretMasker();
        var passwords = new VaultPasswordSource(vaultPasswordFile, diagnostics);
        Vault = new VaultDecryptor(() => passwords.Get(), Secrets.Register);
        Tags = VaultTagResolver.Create(Vault);
        // Built directly rather than through LoggerFactory.Create, which builds a dependency-injection container
        // for it: that cost 9 ms of start-up for one provider and one level.
        Logging = new LoggerFactory(
            [new MaskingLoggerProvider(diagnostics, Secrets)],
            new LoggerFilterOptions { MinLevel = verbosity >= 3 ? LogLevel.Trace : verbosity == 2 ? LogLevel.Debug : LogLevel.Warning });
        if (verbosity >= 2)
        {
            var startup = Logging.CreateLogger("Orchestrator.Startup");
            StartupTrace.UseSink(line => startup.LogDebug("{Milestone}", line));
        }

        Modules = ModuleRegistry.CreateDefault();
        Templates = new TemplateEngine();
        Parser = new PlaybookParser(Modules, Templates, Tags);
        Transports = new TransportFactory(Logging, SessionFunctions.All);
        Connections = new ConnectAhead(Transports);
        Runner = new PlaybookRunner(Modules, Templates, Connections, Secrets, LoadTaskFile) { TagResolver = Tags };
    }

    /// <summary>Decrypts each vault ciphertext once per run; every value is registered with <see cref="Secrets"/>.</summary>
    public VaultDecryptor Vault { get; }

    /// <summary>Resolves inline <c>!vault</c> values wherever YAML is read (inventory, playbook, vars files, -e).</summary>
    public YamlValues.TagResolver Tags { get; }

    public SecretMasker Secrets { get; }

    public ILoggerFactory Logging { get; }

    public ModuleRegistry Modules { get; }

    public TemplateEngine Templates { get; }

    public PlaybookParser Parser { get; }

    public TransportFactory Transports { get; }

    /// <summary>The run's transports: connections started early by RunVerb are handed out first.</summary>
    public ConnectAhead Connections { get; }

    public PlaybookRunner Runner { get; }

    private IReadOnlyList<Orchestrator.Playbooks.Model.TaskNode> LoadTaskFile(string path, Orchestrator.Playbooks.Model.RoleInfo? role, Orchestrator.Core.Diagnostics.SourceLocation includedFrom) =>
        Parser.ParseTaskFile(path, role);
}
