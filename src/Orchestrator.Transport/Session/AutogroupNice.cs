namespace Orchestrator.Transport.Session;

/// <summary>
/// Writes nice 0 to /proc/PID/autogroup. Any user may set a nice value that is not negative on its own processes'
/// autogroups, so raising back from 19 to 0 needs no privilege (a process's own nice value would). Where the
/// kernel has no autogroups, or the process is gone, there is nothing to do.
/// </summary>
internal sealed class AutogroupNice : IAutogroupNice
{
    public static AutogroupNice Instance { get; } = new();

    public void Raise(int processId)
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/autogroup", "0");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not a Linux with autogroups, or the process ended: its priority no longer matters.
        }
    }
}
