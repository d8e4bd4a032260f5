namespace Orchestrator.Core.Transport;

/// <summary>
/// A transport whose connection can outlive it (a master kept between runs with ControlPersist). meta:
/// reset_connection must end that too, or the next session would reuse the old login: the groups, limits and
/// environment it was started with.
/// </summary>
public interface IConnectionReset
{
    /// <summary>Closes the session and the connection, a kept one included; the transport is not used afterwards.</summary>
    ValueTask ResetAsync();
}
