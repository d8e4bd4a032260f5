using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>The records a <see cref="RemoteProbe"/> command printed, or why it did not print them all.</summary>
internal sealed class RemoteAnswers
{
    private readonly IReadOnlyList<string> records;

    private RemoteAnswers(IReadOnlyList<string> records, string? error)
    {
        this.records = records;
        Error = error;
    }

    /// <summary>Set when the probe itself failed (the host's shell broke off); the records are then incomplete.</summary>
    public string? Error { get; }

    public static RemoteAnswers Parse(CommandResult result, int expected)
    {
        var records = result.StdoutText.Split('\0');
        if (records.Length < expected + 1)
        {
            var detail = result.StderrText.Trim();
            return new RemoteAnswers([], $"inspecting the host failed (exit {result.ExitCode}){(detail.Length > 0 ? ": " + detail : "")}");
        }

        return new RemoteAnswers(records[..expected], null);
    }

    public string Text(int index) => records[index];

    public RemoteFileState File(int index, string path) => RemoteFileState.Parse(path, records[index]);
}
