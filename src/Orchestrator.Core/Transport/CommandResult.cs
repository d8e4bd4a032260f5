using System.Text;

namespace Orchestrator.Core.Transport;

/// <param name="ExitCode">The command's exit status; 124 when the per-command timeout killed it.</param>
public sealed record CommandResult(int ExitCode, byte[] Stdout, byte[] Stderr)
{
    public bool TimedOut { get; init; }

    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public string StderrText => Encoding.UTF8.GetString(Stderr);
}
