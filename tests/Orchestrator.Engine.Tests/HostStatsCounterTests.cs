using Orchestrator.Core.Output;

namespace Orchestrator.Engine.Tests;

/// <summary>The PLAY RECAP numbers as ansible-playbook counts them.</summary>
public sealed class HostStatsCounterTests
{
    [Fact]
    public void Ok_counts_ok()
    {
        Assert.Equal(new HostStats { Ok = 1 }, Count((ResultStatus.Ok, false, false)));
    }

    [Fact]
    public void Changed_counts_changed_and_ok()
    {
        Assert.Equal(new HostStats { Ok = 1, Changed = 1 }, Count((ResultStatus.Changed, false, false)));
    }

    [Fact]
    public void Skipped_counts_only_skipped()
    {
        Assert.Equal(new HostStats { Skipped = 1 }, Count((ResultStatus.Skipped, false, false)));
    }

    [Fact]
    public void Unreachable_counts_unreachable()
    {
        Assert.Equal(new HostStats { Unreachable = 1 }, Count((ResultStatus.Unreachable, false, false)));
    }

    [Fact]
    public void Failure_counts_failed()
    {
        Assert.Equal(new HostStats { Failed = 1 }, Count((ResultStatus.Failed, false, false)));
    }

    [Fact]
    public void Ignored_failure_counts_ignored_and_ok_not_failed()
    {
        Assert.Equal(new HostStats { Ok = 1, Ignored = 1 }, Count((ResultStatus.Failed, true, false)));
    }

    [Fact]
    public void Rescuable_failure_counts_rescued_not_failed()
    {
        Assert.Equal(new HostStats { Rescued = 1 }, Count((ResultStatus.Failed, false, true)));
    }

    [Fact]
    public void Ignored_beats_rescuable()
    {
        Assert.Equal(new HostStats { Ok = 1, Ignored = 1 }, Count((ResultStatus.Failed, true, true)));
    }

    [Fact]
    public void Flags_matter_only_for_failures()
    {
        Assert.Equal(new HostStats { Ok = 2, Changed = 1, Skipped = 1 }, Count(
            (ResultStatus.Ok, true, true),
            (ResultStatus.Changed, true, true),
            (ResultStatus.Skipped, true, true)));
    }

    [Fact]
    public void A_typical_host_adds_up()
    {
        var stats = Count(
            (ResultStatus.Ok, false, false),
            (ResultStatus.Changed, false, false),
            (ResultStatus.Changed, false, false),
            (ResultStatus.Skipped, false, false),
            (ResultStatus.Failed, false, true),
            (ResultStatus.Failed, true, false),
            (ResultStatus.Failed, false, false));

        Assert.Equal(new HostStats { Ok = 4, Changed = 2, Skipped = 1, Rescued = 1, Ignored = 1, Failed = 1 }, stats);
    }

    [Fact]
    public void An_ignored_failure_that_says_changed_is_counted_changed_as_ansible_does()
    {
        var counter = new HostStatsCounter();
        counter.Count(ResultStatus.Failed, ignoredFailure: true, failureRescuable: false, reportedChanged: true);
        counter.Count(ResultStatus.Failed, ignoredFailure: true, failureRescuable: false, reportedChanged: false);
        counter.Count(ResultStatus.Failed, ignoredFailure: false, failureRescuable: false, reportedChanged: true);

        Assert.Equal(new HostStats { Ok = 2, Changed = 1, Ignored = 2, Failed = 1 }, counter.Snapshot());
    }

    [Fact]
    public void Concurrent_counting_loses_nothing()
    {
        var counter = new HostStatsCounter();

        Parallel.For(0, 4000, i => counter.Count(i % 2 == 0 ? ResultStatus.Changed : ResultStatus.Skipped, false, false));

        Assert.Equal(new HostStats { Ok = 2000, Changed = 2000, Skipped = 2000 }, counter.Snapshot());
    }

    [Fact]
    public void Snapshot_is_a_copy()
    {
        var counter = new HostStatsCounter();
        counter.Count(ResultStatus.Ok, false, false);
        var before = counter.Snapshot();

        counter.Count(ResultStatus.Ok, false, false);

        Assert.Equal(1, before.Ok);
        Assert.Equal(2, counter.Snapshot().Ok);
    }

    private static HostStats Count(params (ResultStatus Status, bool Ignored, bool Rescuable)[] results)
    {
        var counter = new HostStatsCounter();
        foreach (var (status, ignored, rescuable) in results)
        {
            counter.Count(status, ignored, rescuable);
        }

        return counter.Snapshot();
    }
}
