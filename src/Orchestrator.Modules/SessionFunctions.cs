namespace Orchestrator.Modules;

/// <summary>
/// The shell functions our modules' scripts share, for the transport to define in every session when it starts
/// (<c>TransportFactory</c>'s <c>sessionFunctions</c>): the first probe of a session then neither defines them with a
/// round trip of its own nor has the host's shell read them a byte at a time.
/// </summary>
public static class SessionFunctions
{
    /// <summary>Definitions only: defining them has no other effect.</summary>
    public static IReadOnlyList<string> All { get; } = [Files.ProbeFunctions.Script];
}
