using System.Text;
using System.Text.Json;
using Orchestrator.Modules.Tests.Support;

namespace Orchestrator.Modules.Tests;

/// <summary>Runs every Fixtures/cases/*.json against a <see cref="FakeHost"/> and checks what went over the wire.</summary>
public sealed class FixtureTests
{
    public static TheoryData<string> Cases() => new(FixtureCase.Names());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fixture(string name)
    {
        var fixture = FixtureCase.Load(name);
        var host = fixture.CreateHost();
        var module = ModuleRegistry.CreateDefault().FindModule(fixture.Module)!;
        var context = ModuleRunner.Context(module, fixture.Arguments, host, fixture.Check, fixture.Diff);
        var (plan, result) = await ModuleRunner.RunAsync(module, context);
        var expect = fixture.Expect;

        if (FixtureCase.Text(expect, "plan") is { } kind)
        {
            Assert.Equal(kind, plan.Apply is null ? "done" : plan.SupportsCheckMode ? "change" : "unpredictable");
        }

        Assert.Equal(FixtureCase.Text(expect, "status"), Status(result));
        if (FixtureCase.Text(expect, "msg") is { } message)
        {
            Assert.Contains(message, result.Message, StringComparison.Ordinal);
        }

        if (FixtureCase.Text(expect, "stdout") is { } stdout)
        {
            Assert.Equal(stdout, result.Stdout);
        }

        if (expect.TryGetProperty("rc", out var rc))
        {
            Assert.Equal(rc.ValueKind == JsonValueKind.Null ? null : rc.GetInt32(), result.ReturnCode);
        }

        if (expect.TryGetProperty("roundTrips", out var roundTrips))
        {
            Assert.Equal(roundTrips.GetInt32(), host.RoundTrips);
        }

        if (expect.TryGetProperty("commands", out var commands))
        {
            Assert.Equal(commands.EnumerateArray().Select(c => c.GetString()!), host.ActionCommands);
        }

        if (expect.TryGetProperty("commandsContain", out var excerpts))
        {
            // One entry per command (probes aside): a text or a list of texts the command must contain.
            var sent = host.ActionCommands.ToList();
            Assert.Equal(excerpts.GetArrayLength(), sent.Count);
            foreach (var (excerpt, command) in excerpts.EnumerateArray().Zip(sent))
            {
                var parts = excerpt.ValueKind == JsonValueKind.Array ? excerpt.EnumerateArray().Select(e => e.GetString()!) : [excerpt.GetString()!];
                Assert.All(parts, part => Assert.Contains(part, command, StringComparison.Ordinal));
            }
        }

        if (expect.TryGetProperty("warnings", out var warnings))
        {
            // One text per warning, each contained in the warning at its position.
            Assert.Equal(warnings.GetArrayLength(), result.Warnings.Count);
            foreach (var (text, warning) in warnings.EnumerateArray().Zip(result.Warnings))
            {
                Assert.Contains(text.GetString()!, warning, StringComparison.Ordinal);
            }
        }

        if (expect.TryGetProperty("uploads", out var uploads))
        {
            Assert.Equal(uploads.EnumerateArray().Select(Upload), host.Uploads.Select(u => Upload(u.Path, u.Mode, u.Owner, u.Group, Encoding.UTF8.GetString(u.Content))));
        }

        if (expect.TryGetProperty("fetches", out var fetches))
        {
            Assert.Equal(fetches.EnumerateArray().Select(f => f.GetString()!), host.Fetches);
        }

        if (expect.TryGetProperty("data", out var data))
        {
            foreach (var (key, value) in JsonPlain.Map(data))
            {
                Assert.True(result.Data.ContainsKey(key), $"result has no '{key}'");
                Assert.Equal(JsonSerializer.Serialize(value), JsonSerializer.Serialize(result.Data[key]));
            }
        }

        if (expect.TryGetProperty("facts", out var facts))
        {
            Assert.NotNull(result.Facts);
            foreach (var (key, value) in JsonPlain.Map(facts))
            {
                Assert.True(result.Facts.ContainsKey(key), $"facts have no '{key}'");
                Assert.Equal(JsonSerializer.Serialize(value), JsonSerializer.Serialize(result.Facts[key]));
            }
        }

        if (expect.TryGetProperty("diff", out var diff))
        {
            Assert.NotNull(result.Diff);
            Assert.Equal(FixtureCase.Text(diff, "before"), result.Diff.Before);
            Assert.Equal(FixtureCase.Text(diff, "after"), result.Diff.After);
        }
    }

    private static string Status(ModuleResult result) =>
        result.Failed ? "failed" : result.Skipped ? "skipped" : result.Changed ? "changed" : "ok";

    private static string Upload(JsonElement upload) => Upload(
        FixtureCase.Text(upload, "path"), FixtureCase.Text(upload, "mode"), FixtureCase.Text(upload, "owner"), FixtureCase.Text(upload, "group"), FixtureCase.Text(upload, "content"));

    private static string Upload(string? path, string? mode, string? owner, string? group, string? content) =>
        $"{path} mode={mode ?? "-"} owner={owner ?? "-"} group={group ?? "-"} content={JsonSerializer.Serialize(content)}";
}
