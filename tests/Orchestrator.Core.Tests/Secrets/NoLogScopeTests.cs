using Orchestrator.Core.Secrets;

namespace Orchestrator.Core.Tests.Secrets;

public sealed class NoLogScopeTests
{
    [Fact]
    public async Task Scope_flows_across_awaits_and_ends_when_disposed()
    {
        Assert.False(NoLogScope.IsActive);
        using (NoLogScope.Enter())
        {
            await Task.Yield();
            Assert.True(NoLogScope.IsActive);
            Assert.True(await Task.Run(() => NoLogScope.IsActive));
        }

        Assert.False(NoLogScope.IsActive);
    }

    [Fact]
    public async Task Scope_entered_in_a_callee_does_not_leak_to_the_caller()
    {
        await EnterWithoutDisposing();

        Assert.False(NoLogScope.IsActive);
    }

    [Fact]
    public async Task Concurrent_flows_do_not_see_each_other()
    {
        using var entered = new SemaphoreSlim(0);
        using var checkedOther = new SemaphoreSlim(0);
        var hidden = Task.Run(async () =>
        {
            using var scope = NoLogScope.Enter();
            entered.Release();
            await checkedOther.WaitAsync(TimeSpan.FromSeconds(10));
            return NoLogScope.IsActive;
        });
        var visible = Task.Run(async () =>
        {
            await entered.WaitAsync(TimeSpan.FromSeconds(10));
            var active = NoLogScope.IsActive;
            checkedOther.Release();
            return active;
        });

        Assert.True(await hidden);
        Assert.False(await visible);
    }

    private static async Task EnterWithoutDisposing()
    {
        NoLogScope.Enter();
        await Task.Yield();
        Assert.True(NoLogScope.IsActive);
    }
}
