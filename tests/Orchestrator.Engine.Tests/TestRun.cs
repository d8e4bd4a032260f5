using Orchestrator.Core.Output;
using Orchestrator.Core.Secrets;
using Orchestrator.Core.Transport;
using Orchestrator.Inventory;
using Orchestrator.Modules;
using Orchestrator.Templating;

namespace Orchestrator.Engine.Tests;

/// <summary>A run context for unit tests of engine pieces: real templates and modules, no connections, no output.</summary>
internal static class TestRun
{
    public static RunContext Create(RunOptions? options = null)
    {
        var secrets = new SecretMasker();
        return new RunContext(
            options ?? new RunOptions(),
            InventoryLoader.Localhost(),
            ModuleRegistry.CreateDefault(),
            new TemplateEngine(),
            new TransportPool(new NoTransports(), name => new ConnectionSettings(name)),
            new ObserverGate(new SilentObserver(), secrets),
            secrets);
    }

    private sealed class NoTransports : ITransportFactory
    {
        public ITransport Create(ConnectionSettings settings) =>
            throw new InvalidOperationException("unit tests of engine pieces open no connection");
    }

    private sealed class SilentObserver : IRunObserver
    {
        public void OnRunStarted(RunStarted run)
        {
        }

        public void OnPlayStarted(PlayStarted play)
        {
        }

        public void OnTaskStarted(TaskStarted task)
        {
        }

        public void OnHostResult(HostResult result)
        {
        }

        public void OnWarning(string message)
        {
        }

        public void OnRunFinished(RunFinished run)
        {
        }
    }
}
