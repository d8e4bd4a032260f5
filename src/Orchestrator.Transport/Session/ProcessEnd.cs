using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Orchestrator.Transport.Session;

/// <summary>Ways to end a session process that tolerate it having exited already.</summary>
internal static class ProcessEnd
{
    private const int SigTerm = 15;

    public static void Kill(Process process, bool entireProcessTree)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It exited on its own meanwhile.
        }
    }

    /// <summary>Sends SIGTERM to every process in the group led by <paramref name="process"/>.</summary>
    public static void TerminateGroup(Process process)
    {
        try
        {
            // Only while it runs: once it is reaped, its number may come to lead someone else's group.
            if (!process.HasExited)
            {
                _ = SendSignal(-process.Id, SigTerm);
            }
        }
        catch (InvalidOperationException)
        {
            // Released already: nothing left to signal.
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);
}
