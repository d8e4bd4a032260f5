using Orchestrator.Core.Output;

namespace Orchestrator.Output.Tests;

public sealed class CompositeObserverTests
{
    [Fact]
    public void Forwards_every_event_to_each_observer_in_order()
    {
        var calls = new List<string>();
        var composite = new CompositeObserver(new Recording("a", calls), new Recording("b", calls));

        ScriptedRun.Play(composite);

        Assert.Equal(calls.Count(c => c.StartsWith("a:", StringComparison.Ordinal)), calls.Count(c => c.StartsWith("b:", StringComparison.Ordinal)));
        Assert.Equal(["a:run", "b:run", "a:play", "b:play", "a:task", "b:task", "a:result", "b:result"], calls.Take(8));
        Assert.Equal(["a:finished", "b:finished"], calls.TakeLast(2));
        Assert.Contains("b:warning", calls);
    }

    [Fact]
    public void One_failing_observer_does_not_keep_the_event_from_the_others()
    {
        var calls = new List<string>();
        var composite = new CompositeObserver(new Recording("bad", calls, fail: true), new Recording("good", calls));

        var error = Assert.Throws<InvalidOperationException>(() => composite.OnRunFinished(Events.Finished("h1")));

        Assert.Equal("bad failed", error.Message);
        Assert.Equal(["bad:finished", "good:finished"], calls);
    }

    private sealed class Recording(string name, List<string> calls, bool fail = false) : IRunObserver
    {
        public void OnRunStarted(RunStarted run) => Note("run");

        public void OnPlayStarted(PlayStarted play) => Note("play");

        public void OnTaskStarted(TaskStarted task) => Note("task");

        public void OnHostResult(HostResult result) => Note("result");

        public void OnWarning(string message) => Note("warning");

        public void OnRunFinished(RunFinished run) => Note("finished");

        private void Note(string what)
        {
            calls.Add($"{name}:{what}");
            if (fail)
            {
                throw new InvalidOperationException($"{name} failed");
            }
        }
    }
}
