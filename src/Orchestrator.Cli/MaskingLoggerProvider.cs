using Microsoft.Extensions.Logging;
using Orchestrator.Core.Secrets;

namespace Orchestrator.Cli;

/// <summary>
/// Writes log lines to the CLI's error stream with every secret masked. Hand-written rather than the
/// console logger because that one writes from a background thread straight to the process console,
/// which neither masks nor lets tests capture it.
/// </summary>
internal sealed class MaskingLoggerProvider(TextWriter writer, SecretMasker secrets) : ILoggerProvider
{
    private readonly Lock gate = new();

    public ILogger CreateLogger(string categoryName) => new MaskingLogger(this, ShortName(categoryName));

    public void Dispose()
    {
    }

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var text = secrets.Apply($"[{Level(level)}] {category}: {message}");
        if (exception is not null)
        {
            text += Environment.NewLine + secrets.Apply(exception.ToString());
        }

        lock (gate)
        {
            writer.WriteLine(text);
        }
    }

    private static string ShortName(string category) => category[(category.LastIndexOf('.') + 1)..];

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "crit",
    };
}
