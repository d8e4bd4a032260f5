using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine.Tests;

public sealed class BatchPlannerTests
{
    [Theory]
    [InlineData(5, "2", "2,2,1")]
    [InlineData(4, "1", "1,1,1,1")]
    [InlineData(3, "3", "3")]
    [InlineData(3, "10", "3")]
    [InlineData(10, "25%", "2,2,2,2,2")]
    [InlineData(10, "30%", "3,3,3,1")]
    [InlineData(3, "10%", "1,1,1")]
    [InlineData(7, "50%", "3,3,1")]
    [InlineData(4, "100%", "4")]
    [InlineData(10, "1,3", "1,3,3,3")]
    [InlineData(10, "1,50%", "1,5,4")]
    [InlineData(6, "1,2,10", "1,2,3")]
    [InlineData(2, "1,5,5", "1,1")]
    public void Batch_sizes(int hostCount, string serial, string expectedSizes)
    {
        var hosts = Enumerable.Range(1, hostCount).Select(i => $"h{i}").ToList();

        var batches = BatchPlanner.Plan(hosts, Serial(serial));

        Assert.Equal(expectedSizes, string.Join(",", batches.Select(b => b.Count)));
        Assert.Equal(hosts, batches.SelectMany(b => b));
    }

    [Fact]
    public void No_serial_is_one_batch_of_all_hosts()
    {
        IReadOnlyList<string> hosts = ["a", "b", "c"];

        var batch = Assert.Single(BatchPlanner.Plan(hosts, []));

        Assert.Equal(hosts, batch);
    }

    [Fact]
    public void No_hosts_is_one_empty_batch()
    {
        Assert.Empty(Assert.Single(BatchPlanner.Plan([], Serial("2"))));
    }

    [Fact]
    public void Percentage_is_of_all_the_play_hosts_not_of_those_left()
    {
        var hosts = Enumerable.Range(1, 9).Select(i => $"h{i}").ToList();

        var batches = BatchPlanner.Plan(hosts, Serial("2,34%"));

        Assert.Equal([2, 3, 3, 1], batches.Select(b => b.Count));
    }

    [Theory]
    [InlineData(10, 25.0, 2)]
    [InlineData(10, 29.9, 2)]
    [InlineData(3, 33.4, 1)]
    [InlineData(1, 1.0, 1)]
    [InlineData(200, 0.5, 1)]
    public void Percentage_rounds_down_with_a_minimum_of_one(int hosts, double percent, int expected)
    {
        Assert.Equal(expected, new BatchSize(null, percent).For(hosts));
    }

    private static List<BatchSize> Serial(string text) =>
        text.Split(',').Select(s => s.EndsWith('%')
            ? new BatchSize(null, double.Parse(s[..^1], System.Globalization.CultureInfo.InvariantCulture))
            : new BatchSize(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture), null)).ToList();
}
