using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Orchestrator.Transport.Session;

/// <summary>Ways to end a session process that tolerate it having exited already.</summary>
internal static partial class ProcessEnd
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
            _ = Kill(-process.Id, SigTerm);
        }
        catch (InvalidOperationException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
