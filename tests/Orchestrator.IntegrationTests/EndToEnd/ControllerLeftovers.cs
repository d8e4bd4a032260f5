namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>What a finished run could leave on the controller: ssh clients or masters for the lab, control folders.</summary>
internal static class ControllerLeftovers
{
    /// <summary>
    /// Command lines of live ssh processes (clients, and masters whose title is "ssh: SOCKET [mux]") that belong
    /// to this workspace's runs (their control socket is under its TMPDIR) or talk to one of the lab's ports.
    /// </summary>
    public static IReadOnlyList<string> SshProcesses(Workspace workspace)
    {
        var ports = workspace.Lab.Hosts.Select(h => $"Port={h.Port}").ToList();
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // The process ended while we looked.
            }

            if (commandLine.StartsWith("ssh", StringComparison.Ordinal)
                && (commandLine.Contains(workspace.TemporaryFolder, StringComparison.Ordinal) || commandLine.Split(' ').Intersect(ports).Any()))
            {
                found.Add($"{Path.GetFileName(folder)}: {commandLine}");
            }
        }

        return found;
    }

    /// <summary>Control folders (orch-*) in the workspace's TMPDIR (where .NET also keeps its diagnostic sockets while running).</summary>
    public static IReadOnlyList<string> ControlFolders(Workspace workspace) =>
        Directory.EnumerateFileSystemEntries(workspace.TemporaryFolder, "orch-*").ToList();

    /// <summary>Anything at all in the workspace's TMPDIR.</summary>
    public static IReadOnlyList<string> TemporaryEntries(Workspace workspace) =>
        Directory.EnumerateFileSystemEntries(workspace.TemporaryFolder).ToList();

    /// <summary>Waits (bounded) for ssh processes of the workspace to end, then says which are left.</summary>
    public static async Task<IReadOnlyList<string>> SshProcessesAfterAsync(Workspace workspace, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var left = SshProcesses(workspace);
            if (left.Count == 0 || DateTime.UtcNow >= deadline)
            {
                return left;
            }

            await Task.Delay(100);
        }

        return SshProcesses(workspace);
    }
}
