using Orchestrator.Core.Output;

namespace Orchestrator.Output.Report;

/// <summary>Everything one write of the report needs, captured under the observer's lock.</summary>
internal sealed record ReportDocument(
    string Playbook,
    bool CheckMode,
    long DurationMs,
    IReadOnlyList<ReportPlay> Plays,
    IReadOnlyDictionary<string, HostStats> Recap,
    IReadOnlyList<string> Warnings,
    bool Complete,
    int? ExitCode);
