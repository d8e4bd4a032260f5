using System.Security.Cryptography;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Tests;

/// <summary>What a session killed outright leaves in the host's TMPDIR is removed by the next session.</summary>
public abstract partial class TransportBehaviourTests
{
    [Fact]
    public async Task A_new_session_removes_folders_of_killed_sessions_and_nothing_else()
    {
        var folder = (await RunAsync("printf %s \"${TMPDIR:-/tmp}\"")).StdoutText;
        string Name(string pid, int length = 10) => $"orch.{pid}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))[..length]}";

        // 99999999 is above any pid_max, so never a running process; PID 1 always runs.
        var stale = Name("99999999");
        var live = Name("1");
        var file = Name("99999999");
        var odd = Name("99999999", 9);
        var quoted = string.Join(' ', new[] { stale, live, file, odd }.Select(n => ShellQuote.Quote(folder + "/" + n)));
        await RunAsync($"cd {ShellQuote.Quote(folder)} && mkdir {stale} {live} {odd} && touch {stale}/p {file}");
        try
        {
            await Transport.DisposeAsync().AsTask().WaitAsync(CallLimit);
            transport = CreateTransport();
            await RunAsync("true");

            var listing = (await RunAsync($"ls -d {quoted} 2>/dev/null; true")).StdoutText;
            Assert.DoesNotContain(stale, listing, StringComparison.Ordinal);
            Assert.Contains(live, listing, StringComparison.Ordinal);
            Assert.Contains(file, listing, StringComparison.Ordinal);
            Assert.Contains(odd, listing, StringComparison.Ordinal);
        }
        finally
        {
            await RunAsync($"rm -rf {quoted}");
        }
    }
}
