namespace Orchestrator.Cli.Tests;

/// <summary>One host's recap numbers from a JSON report (read by <see cref="Support.RunReport"/>).</summary>
internal sealed record Recap(int Ok, int Changed, int Unreachable, int Failed, int Skipped, int Rescued, int Ignored);
