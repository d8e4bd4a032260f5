using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>Looks at and prepares the hosts' real state through docker exec, never through the program under test.</summary>
internal static class LabShell
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Runs a command as root in the host's container and returns its stdout; anything but exit 0 fails the test.</summary>
    public static async Task<string> RunAsync(this HostKitFixture lab, string host, string command)
    {
        var result = await lab.ExecAsync(host, command);
        if (!result.Succeeded)
        {
            throw new Xunit.Sdk.XunitException($"on {host}: {command}\n{result.Describe()}");
        }

        return result.StandardOutput;
    }

    /// <summary>The file's exact bytes, or null when there is no such file.</summary>
    public static async Task<byte[]?> ReadFileAsync(this HostKitFixture lab, string host, string path)
    {
        // The fixture reads output line by line (a newline ends every line), hence base64 for the exact bytes.
        var output = (await lab.RunAsync(host, $"if [ -f {Quote(path)} ]; then base64 -w0 -- {Quote(path)}; else printf MISSING; fi")).Trim();
        return output == "MISSING" ? null : Convert.FromBase64String(output);
    }

    public static async Task<string?> ReadTextAsync(this HostKitFixture lab, string host, string path) =>
        await lab.ReadFileAsync(host, path) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    public static async Task<bool> ExistsAsync(this HostKitFixture lab, string host, string path) =>
        (await lab.RunAsync(host, $"if [ -e {Quote(path)} ] || [ -L {Quote(path)} ]; then echo yes; else echo no; fi")).Trim() == "yes";

    /// <summary>"owner:group mode type", e.g. "root:root 640 regular file".</summary>
    public static async Task<string> StatAsync(this HostKitFixture lab, string host, string path) =>
        (await lab.RunAsync(host, $"stat -c '%U:%G %a %F' -- {Quote(path)}")).Trim();

    /// <summary>Removes a folder the scenario owns, so every test starts from a host that never saw it.</summary>
    public static async Task ResetAsync(this HostKitFixture lab, string path)
    {
        foreach (var host in lab.Hosts)
        {
            await lab.RunAsync(host.Name, $"rm -rf -- {Quote(path)}");
        }
    }

    /// <summary>Lists of what could be left behind on the host by a run: /tmp's entries and any temporary upload file.</summary>
    public static async Task<string> LeftoverListingAsync(this HostKitFixture lab, string host) =>
        await lab.RunAsync(host, "ls -A /tmp; find / -xdev -name '.orch.*' 2>/dev/null || true");
}
