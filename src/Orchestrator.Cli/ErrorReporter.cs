using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Cli;

/// <summary>Turns an exception into what the user reads and the exit code: diagnostics for user errors, a stack trace only at -vvv.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error, int verbosity)
    {
        switch (exception)
        {
            case UserErrorException user:
                error.Write(DiagnosticFormatter.Format(user.Diagnostics));
                if (user.Diagnostics.Count > 1)
                {
                    error.WriteLine($"{user.Diagnostics.Count} errors; nothing was run.");
                }

                return user.ExitCode;
            case OperationCanceledException:
                error.WriteLine("Interrupted.");
                return ExitCodes.Interrupted;
            default:
                error.WriteLine($"ERROR: {exception.Message}");
                if (verbosity >= 3)
                {
                    error.WriteLine(exception.ToString());
                }
                else
                {
                    error.WriteLine("(run with -vvv for the stack trace)");
                }

                return ExitCodes.OtherError;
        }
    }
}
