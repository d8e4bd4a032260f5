using System.ComponentModel;
using System.Diagnostics;
using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Vault;

/// <summary>Runs an executable vault password file and returns its stdout, bounded by a timeout.</summary>
internal static class VaultPasswordScript
{
    public static byte[] Run(string path, TimeSpan timeout)
    {
        var where = new SourceLocation(path, 0, 0);
        var start = new ProcessStartInfo(Path.GetFullPath(path))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception ex)
        {
            throw new UserErrorException(where, $"cannot run vault password script {path} ({ex.Message}); if it is not a script, remove its executable bit", ExitCodes.BadOptions);
        }

        using (process)
        {
            using var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
                throw new UserErrorException(where, $"vault password script {path} did not finish within {timeout.TotalSeconds:0} s", ExitCodes.BadOptions);
            }

            // A child the script left running may hold stdout open; what the script itself wrote is already there.
            copy.Wait(TimeSpan.FromSeconds(5));
            if (process.ExitCode != 0)
            {
                throw new UserErrorException(where, $"vault password script {path} exited with code {process.ExitCode}", ExitCodes.BadOptions);
            }

            return stdout.ToArray();
        }
    }
}
