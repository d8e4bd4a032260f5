using Microsoft.Extensions.Logging;
using Orchestrator.Core.Secrets;
using Orchestrator.Engine;
using Orchestrator.Modules;
using Orchestrator.Playbooks;
using Orchestrator.Templating;
using Orchestrator.Transport;

namespace Orchestrator.Cli;

/// <summary>The composition root: every part of the program is created and wired here, explicitly.</summary>
internal sealed class Composition
{
    public Composition(int verbosity, TextWriter diagnostics)
    {
        Secrets = new SecretMasker();
        Logging = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(verbosity >= 3 ? LogLevel.Trace : verbosity == 2 ? LogLevel.Debug : LogLevel.Warning);
            builder.AddProvider(new MaskingLoggerProvider(diagnostics, Secrets));
        });
        Modules = ModuleRegistry.CreateDefault();
        Templates = new TemplateEngine();
        Parser = new PlaybookParser(Modules, Templates);
        Transports = new TransportFactory(Logging);
        Runner = new PlaybookRunner(Modules, Templates, Transports, Secrets, LoadTaskFile);
    }

    public SecretMasker Secrets { get; }

    public ILoggerFactory Logging { get; }

    public ModuleRegistry Modules { get; }

    public TemplateEngine Templates { get; }

    public PlaybookParser Parser { get; }

    public TransportFactory Transports { get; }

    public PlaybookRunner Runner { get; }

    private IReadOnlyList<Orchestrator.Playbooks.Model.TaskNode> LoadTaskFile(string path, Orchestrator.Playbooks.Model.RoleInfo? role, Orchestrator.Core.Diagnostics.SourceLocation includedFrom) =>
        Parser.ParseTaskFile(path, role);
}
