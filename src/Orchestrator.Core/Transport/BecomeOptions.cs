namespace Orchestrator.Core.Transport;

/// <summary>Privilege escalation with sudo. The password goes to sudo's stdin, never onto a command line.</summary>
public sealed record BecomeOptions(string User = "root", string? Password = null)
{
    // The password must never reach logs or reports through a record's generated ToString.
    public override string ToString() => $"BecomeOptions {{ User = {User}, Password = {(Password is null ? "none" : "********")} }}";
}
