namespace Orchestrator.Core.Secrets;

/// <summary>
/// Marks the code running a <c>no_log</c> task, across awaits, so the diagnostic log (-vv, -vvv) can hide what
/// the transport logs for it: the command lines carry the task's rendered arguments, whose values are not
/// registered secrets and so would pass the <see cref="SecretMasker"/>.
/// </summary>
public static class NoLogScope
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    /// <summary>Hides logging from here on in this async flow until the returned scope is disposed.</summary>
    public static IDisposable Enter()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Exit(previous);
    }

    private sealed class Exit(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
