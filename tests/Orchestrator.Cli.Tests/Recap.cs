using System.Text.Json;

namespace Orchestrator.Cli.Tests;

/// <summary>Reads a JSON report back for assertions.</summary>
internal sealed record Recap(int Ok, int Changed, int Unreachable, int Failed, int Skipped, int Rescued, int Ignored)
{
    public static Dictionary<string, Recap> FromReport(string reportPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(reportPath));
        return document.RootElement.GetProperty("recap").EnumerateObject().ToDictionary(
            host => host.Name,
            host => new Recap(
                host.Value.GetProperty("ok").GetInt32(),
                host.Value.GetProperty("changed").GetInt32(),
                host.Value.GetProperty("unreachable").GetInt32(),
                host.Value.GetProperty("failed").GetInt32(),
                host.Value.GetProperty("skipped").GetInt32(),
                host.Value.GetProperty("rescued").GetInt32(),
                host.Value.GetProperty("ignored").GetInt32()));
    }
}
