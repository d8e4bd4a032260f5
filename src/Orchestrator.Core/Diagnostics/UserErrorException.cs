namespace Orchestrator.Core.Diagnostics;

/// <summary>
/// An error the user caused and can fix (bad YAML, unknown module, undefined variable...).
/// Printed as located diagnostics, never as a stack trace (unless -vvv).
/// </summary>
public class UserErrorException : Exception
{
    public UserErrorException(IReadOnlyList<Diagnostic> diagnostics, int exitCode = ExitCodes.InvalidInput)
        : base(diagnostics.Count == 0 ? "invalid input" : diagnostics[0].Message)
    {
        Diagnostics = diagnostics;
        ExitCode = exitCode;
    }

    public UserErrorException(SourceLocation location, string message, int exitCode = ExitCodes.InvalidInput)
        : this([new Diagnostic(location, message)], exitCode)
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public int ExitCode { get; }
}
