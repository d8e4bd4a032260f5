using Orchestrator.Modules.Control;
using Orchestrator.Modules.Tests.Support;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>debug, assert, fail, set_fact and meta: no host access, never changed.</summary>
public sealed class ControlModuleTests
{
    private static readonly Dictionary<string, object?> Variables = new(StringComparer.Ordinal)
    {
        ["ready"] = true,
        ["broken"] = false,
        ["answer"] = 42L,
    };

    [Fact]
    public async Task Debug_msg_is_the_message_and_data()
    {
        var host = new FakeHost();
        var result = await RunAsync(new DebugModule(), host, Args("msg", "hello"));

        Assert.Equal("hello", result.Message);
        Assert.Equal("hello", result.Data["msg"]);
        Assert.False(result.Changed);
        Assert.Equal(0, host.RoundTrips);
    }

    [Fact]
    public async Task Debug_without_arguments_says_hello_world()
    {
        Assert.Equal("Hello world!", (await RunAsync(new DebugModule(), new FakeHost(), Args())).Message);
    }

    [Fact]
    public async Task Debug_var_registers_the_value_under_the_expression()
    {
        var module = new DebugModule();
        var (_, result) = await RunAsync(module, Context(module, Args("var", "answer"), new FakeHost(), variables: Variables));

        Assert.Equal(42L, result.Data["answer"]);
    }

    [Fact]
    public async Task Debug_var_of_an_undefined_variable_says_so_without_failing()
    {
        var module = new DebugModule();
        var (_, result) = await RunAsync(module, Context(module, Args("var", "nope"), new FakeHost(), variables: Variables));

        Assert.False(result.Failed);
        Assert.Equal(DebugModule.Undefined, result.Data["nope"]);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public async Task Assert_fails_on_the_first_false_condition()
    {
        var module = new AssertModule();
        var (_, result) = await RunAsync(module, Context(module, Args("that", new List<object?> { "ready", "broken", "nope" }), new FakeHost(), variables: Variables));

        Assert.True(result.Failed);
        Assert.Equal("Assertion failed", result.Message);
        Assert.Equal("broken", result.Data["assertion"]);
    }

    [Fact]
    public async Task Assert_uses_fail_msg_or_its_alias_msg_and_success_msg()
    {
        var module = new AssertModule();
        var failed = await RunAsync(module, Context(module, Args("that", "broken", "msg", "not ready"), new FakeHost(), variables: Variables));
        var passed = await RunAsync(module, Context(module, Args("that", "x in [1, 2]", "success_msg", "fine"), new FakeHost(), variables: new Dictionary<string, object?> { ["x in [1, 2]"] = true }));

        Assert.Equal("not ready", failed.Result.Message);
        Assert.False(passed.Result.Failed);
        Assert.Equal("fine", passed.Result.Message);
    }

    [Fact]
    public async Task Fail_fails_with_its_message_or_the_default()
    {
        Assert.Equal("Failed as requested from task", (await RunAsync(new FailModule(), new FakeHost(), Args())).Message);
        var custom = await RunAsync(new FailModule(), new FakeHost(), Args("msg", "stop"));
        Assert.True(custom.Failed);
        Assert.Equal("stop", custom.Message);
    }

    [Fact]
    public async Task Set_fact_returns_its_arguments_as_facts_without_cacheable()
    {
        var list = new List<object?> { 1L, "two" };
        var result = await RunAsync(new SetFactModule(), new FakeHost(), Args("zk", "zk://a:2181/mesos", "hosts", list, "cacheable", true));

        Assert.False(result.Changed);
        Assert.Equal(new Dictionary<string, object?> { ["zk"] = "zk://a:2181/mesos", ["hosts"] = list }, result.Facts);
    }

    [Fact]
    public async Task Meta_accepts_its_actions_and_does_nothing_itself()
    {
        var module = new MetaModule();
        var result = await RunAsync(module, new FakeHost(), Args("action", "flush_handlers"));
        var (_, problems) = Core.Modules.ArgumentBinder.Bind(module.Spec, Args("action", "explode"), deferTemplates: false);

        Assert.False(result.Changed);
        Assert.False(result.Failed);
        Assert.Contains(problems, p => p.Message.Contains("must be one of flush_handlers", StringComparison.Ordinal));
    }
}
