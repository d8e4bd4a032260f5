using System.Diagnostics;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class ConnectTurnsTests
{
    private readonly RecordingNice nice = new();

    [Fact]
    public void The_first_sessions_connect_at_normal_priority_and_the_rest_start_lowered()
    {
        var turns = new ConnectTurns(2, nice);
        var first = turns.Take();
        var second = turns.Take();
        var third = turns.Take();

        Assert.True(first.Running);
        Assert.True(second.Running);
        Assert.False(third.Running);

        var normal = SetsidStart("ssh", "h1", "sh");
        ConnectTurns.Prepare(normal, first);
        Assert.Equal(["ssh", "h1", "sh"], normal.ArgumentList);

        var lowered = SetsidStart("ssh", "h3", "sh");
        ConnectTurns.Prepare(lowered, third);
        Assert.Equal(["/bin/sh", "-c", ConnectTurns.LowerThenExec, "ssh", "h3", "sh"], lowered.ArgumentList);
        Assert.True(third.Lowered);
    }

    [Fact]
    public void A_ready_session_hands_its_turn_to_the_longest_waiting_one()
    {
        var turns = new ConnectTurns(1, nice);
        var running = Started(turns, 100);
        var waitingFirst = Started(turns, 101);
        var waitingSecond = Started(turns, 102);

        turns.Leave(running);

        Assert.Equal([101], nice.Raised);
        Assert.True(waitingFirst.Running);
        Assert.False(waitingSecond.Running);

        turns.Leave(waitingFirst);

        Assert.Equal([101, 102, 101], nice.Raised);
        Assert.True(waitingSecond.Running);
    }

    [Fact]
    public void A_session_ready_before_its_turn_leaves_the_queue_and_is_raised_without_taking_a_turn()
    {
        var turns = new ConnectTurns(1, nice);
        var running = Started(turns, 100);
        var early = Started(turns, 101);
        var late = Started(turns, 102);

        turns.Leave(early);

        Assert.Equal([101], nice.Raised);
        Assert.False(late.Running);

        turns.Leave(running);

        Assert.Equal([101, 102], nice.Raised);
        Assert.True(late.Running);
    }

    [Fact]
    public void Only_setsid_start_infos_are_wrapped()
    {
        var turns = new ConnectTurns(0, nice);
        var turn = turns.Take();
        var start = new ProcessStartInfo("sh");
        start.ArgumentList.Add("-c");

        ConnectTurns.Prepare(start, turn);

        Assert.Equal(["-c"], start.ArgumentList);
        Assert.False(turn.Lowered);
    }

    [Fact]
    public async Task A_waiting_session_runs_its_program_at_autogroup_nice_19_until_raised()
    {
        Assert.True(File.Exists("/proc/self/autogroup"), "this kernel has no autogroups (CONFIG_SCHED_AUTOGROUP)");
        var turns = new ConnectTurns(0, nice);
        var turn = turns.Take();
        var start = SetsidStart("/bin/sh", "-c", "cat /proc/self/autogroup; read line; cat /proc/self/autogroup");
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        ConnectTurns.Prepare(start, turn);

        using var process = Process.Start(start)!;
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var before = await process.StandardOutput.ReadLineAsync(limit.Token);
            AutogroupNice.Instance.Raise(process.Id);
            await process.StandardInput.WriteLineAsync("go");
            var after = await process.StandardOutput.ReadLineAsync(limit.Token);

            Assert.EndsWith(" nice 19", before, StringComparison.Ordinal);
            Assert.EndsWith(" nice 0", after, StringComparison.Ordinal);
            Assert.NotEqual(File.ReadAllText("/proc/self/autogroup").Trim(), before);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static ConnectTurns.Turn Started(ConnectTurns turns, int processId)
    {
        var turn = turns.Take();
        ConnectTurns.Prepare(SetsidStart("ssh", "h"), turn);
        turns.Started(turn, processId);
        return turn;
    }

    private static ProcessStartInfo SetsidStart(params string[] arguments)
    {
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private sealed class RecordingNice : IAutogroupNice
    {
        public List<int> Raised { get; } = [];

        public void Raise(int processId) => Raised.Add(processId);
    }
}
