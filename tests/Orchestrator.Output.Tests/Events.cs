using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Output;

namespace Orchestrator.Output.Tests;

internal static class Events
{
    public static TaskStarted Task(string name, string module = "command", bool handler = false) =>
        new(name, module, new SourceLocation("play.yaml", 4, 7), handler);

    public static RunFinished Finished(params string[] hosts) =>
        new(hosts.ToDictionary(h => h, _ => new HostStats { Ok = 1 }), TimeSpan.FromSeconds(1), 0);
}
