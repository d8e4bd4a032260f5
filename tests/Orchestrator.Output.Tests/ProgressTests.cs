using Orchestrator.Core.Output;

namespace Orchestrator.Output.Tests;

public sealed class ProgressTests
{
    private readonly StringWriter writer = new();
    private readonly ManualTime time = new();

    [Fact]
    public void A_slow_task_shows_which_hosts_it_waits_for_and_erases_that_before_the_next_line()
    {
        var observer = Start(new ConsoleOptions { ShowProgress = true });
        var task = Events.Task("slow");
        observer.OnTaskStarted(task);
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Ok));
        var before = writer.ToString();

        time.Advance(TimeSpan.FromSeconds(4));
        observer.Tick();
        Assert.Equal(before, writer.ToString());

        time.Advance(TimeSpan.FromSeconds(3));
        observer.Tick();
        const string status = "... still running after 7s on: h2, h3";
        Assert.Equal(before + "\r" + status, writer.ToString());

        observer.OnHostResult(new HostResult("h2", task, ResultStatus.Changed));
        Assert.Equal(before + "\r" + status + "\r" + new string(' ', status.Length) + "\rchanged: [h2]\n", writer.ToString());
    }

    [Fact]
    public void Hosts_that_failed_earlier_are_not_waited_for_and_long_lists_are_shortened()
    {
        var observer = Start(new ConsoleOptions { ShowProgress = true }, "h1", "h2", "h3", "h4", "h5", "h6", "h7");
        var first = Events.Task("first");
        observer.OnTaskStarted(first);
        observer.OnHostResult(new HostResult("h1", first, ResultStatus.Failed));
        observer.OnHostResult(new HostResult("h2", first, ResultStatus.Failed) { Ignored = true });
        observer.OnTaskStarted(Events.Task("second"));

        time.Advance(TimeSpan.FromSeconds(61));
        observer.Tick();

        Assert.EndsWith("\r... still running after 61s on: h2, h3, h4, h5 (+2 more)", writer.ToString());
    }

    [Fact]
    public void Nothing_is_drawn_without_the_option_or_when_verbose()
    {
        foreach (var options in new[] { new ConsoleOptions(), new ConsoleOptions { ShowProgress = true, Verbosity = 1 } })
        {
            var observer = Start(options);
            observer.OnTaskStarted(Events.Task("slow"));
            time.Advance(TimeSpan.FromMinutes(5));
            observer.Tick();
        }

        Assert.DoesNotContain('\r', writer.ToString());
        Assert.Equal(0, time.TimersCreated);
    }

    [Fact]
    public void Nothing_is_drawn_once_every_host_reported()
    {
        var observer = Start(new ConsoleOptions { ShowProgress = true }, "h1");
        var task = Events.Task("t");
        observer.OnTaskStarted(task);
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Ok));

        time.Advance(TimeSpan.FromMinutes(1));
        observer.Tick();

        Assert.DoesNotContain('\r', writer.ToString());
    }

    private ConsoleObserver Start(ConsoleOptions options, params string[] hosts)
    {
        var observer = new ConsoleObserver(writer, options, time);
        observer.OnPlayStarted(new PlayStarted("p", hosts.Length > 0 ? hosts : ["h1", "h2", "h3"]));
        return observer;
    }
}
