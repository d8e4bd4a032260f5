using System.Security.Cryptography;
using Orchestrator.IntegrationTests.HostKit;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// SPEC §5: a connection lost mid-transfer leaves the old file or the new one, never a mixture. A 64 MiB upload of
/// random bytes over a different old file is cut on the host at several points; the destination is compared byte
/// for byte (sha256) with both, and the next run converges and leaves no temporary file or session folder of ours.
/// </summary>
/// <remarks>
/// The cut is SIGKILL to the connection's sshd processes on the host: the kernel closes the TCP connection, so the
/// controller's ssh sees it drop and the host's shell sees its input end, exactly as when the network goes away
/// (killing the controller's ssh instead would let sshd close the channel in an orderly way). The session kill is
/// the harsher case of a host dying mid-write, where no shell is left to remove the temporary file.
/// </remarks>
[Collection(HostKitCollection.Name)]
public sealed class TransferFaultTests(HostKitFixture lab, ITestOutputHelper log) : IDisposable
{
    internal const string Root = "/srv/e2e-transfer";
    internal const string Destination = Root + "/large.bin";
    internal const int NewSize = 64 << 20;
    private const string Host = "h1";
    private const string OldCopy = "/root/e2e-transfer-old.bin";

    private readonly Workspace workspace = new(lab);

    [Theory]
    [InlineData(10, Sabotage.DropConnection)]
    [InlineData(50, Sabotage.DropConnection)]
    [InlineData(75, Sabotage.KillSession)]
    public async Task A_connection_lost_mid_transfer_leaves_the_old_file_or_the_new_one(int percent, Sabotage how)
    {
        var (oldSum, newSum, options) = await PrepareAsync();
        OrchestrateResult run;
        SabotageReport cut;
        using (var running = workspace.Start(Workspace.Scenario("transfer", "playbook.yaml"), options))
        {
            cut = await UploadSaboteur.StrikeAsync(lab, Host, Root, (long)NewSize * percent / 100, how);
            run = await running.WaitForExitAsync();
        }

        log.WriteLine($"{how} at {percent} %: {cut.Raw}; exit {run.ExitCode} after {run.WallTime.TotalSeconds:0.0} s");
        log.WriteLine("temporary files right after the run: " + await UploadSaboteur.TemporaryFilesAsync(lab, Host));
        Assert.True(cut.SizeAtStrike is > 0 and < NewSize, $"the cut did not land mid-transfer: {cut.Raw}");
        Assert.True(run.ExitCode is 2 or 3, "expected exit 3 (unreachable) or 2: " + run.Describe());
        var status = run.RequiredReport.Task("large file").On(Host).Status;
        Assert.True(status is "unreachable" or "failed", $"large file on {Host}: {status}\n{run.Describe()}");
        // Cut before the rename, so it can only be the old content (SPEC allows old or new; new would mean no cut).
        Assert.Equal(oldSum, await Sha256Async(Destination));

        await AssertNextRunConvergesAsync(newSum, options);
    }

    [Fact]
    public async Task A_connection_lost_right_after_the_rename_leaves_the_new_file()
    {
        var (_, newSum, options) = await PrepareAsync();
        OrchestrateResult run;
        SabotageReport cut;
        using (var running = workspace.Start(Workspace.Scenario("transfer", "playbook.yaml"), options))
        {
            cut = await UploadSaboteur.StrikeAsync(lab, Host, Root, NewSize, Sabotage.DropConnectionAfterRename);
            run = await running.WaitForExitAsync();
        }

        log.WriteLine($"after the rename: {cut.Raw}; exit {run.ExitCode} after {run.WallTime.TotalSeconds:0.0} s");
        Assert.True(run.ExitCode is 0 or 2 or 3, run.Describe());
        Assert.Equal(newSum, await Sha256Async(Destination));
        await AssertNextRunConvergesAsync(newSum, options);
    }

    public void Dispose() => workspace.Dispose();

    /// <summary>Old content (16 MiB, random, made on the host) at the destination; new content (64 MiB, random) on the controller.</summary>
    internal static async Task<(string OldSum, string NewSum, string[] Options)> PrepareAsync(HostKitFixture lab, Workspace workspace, string host)
    {
        await lab.ResetAsync(Root);
        await lab.RunAsync(host, $"mkdir -p {Root} && head -c {16 << 20} /dev/urandom >{OldCopy} && cp {OldCopy} {Destination}");
        var content = RandomNumberGenerator.GetBytes(NewSize);
        var source = workspace.WriteFile("large.bin", content);
        var oldSum = (await lab.RunAsync(host, $"sha256sum <{OldCopy}")).Split(' ')[0];
        return (oldSum, Convert.ToHexStringLower(SHA256.HashData(content)), ["-l", host, "-e", "e2e_root=" + Root, "-e", "large_src=" + source]);
    }

    private Task<(string OldSum, string NewSum, string[] Options)> PrepareAsync() => PrepareAsync(lab, workspace, Host);

    private async Task<string> Sha256Async(string path) =>
        (await lab.RunAsync(Host, $"sha256sum <{LabShell.Quote(path)}")).Split(' ')[0];

    private async Task AssertNextRunConvergesAsync(string newSum, string[] options)
    {
        var next = await workspace.RunAsync(Workspace.Scenario("transfer", "playbook.yaml"), options);
        Expect.Exit(next, 0);
        Assert.Equal(newSum, await Sha256Async(Destination));
        Assert.Equal("root:root 640 regular file", await lab.StatAsync(Host, Destination));
        Assert.Equal("", await UploadSaboteur.TemporaryFilesAsync(lab, Host));

        // A killed session's own folder (askpass helper, password file) goes too: the next session removed it.
        Assert.Equal("", (await lab.RunAsync(Host, "ls -d /tmp/orch.* 2>/dev/null || true")).Trim());
    }
}
