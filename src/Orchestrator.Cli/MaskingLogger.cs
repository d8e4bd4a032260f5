using Microsoft.Extensions.Logging;
using Orchestrator.Core.Secrets;

namespace Orchestrator.Cli;

internal sealed class MaskingLogger(MaskingLoggerProvider provider, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        if (NoLogScope.IsActive)
        {
            // Logged while a no_log task runs: its command lines hold the task's values.
            provider.Write(logLevel, category, "(hidden: no_log task)", null);
            return;
        }

        provider.Write(logLevel, category, formatter(state, exception), exception);
    }
}
