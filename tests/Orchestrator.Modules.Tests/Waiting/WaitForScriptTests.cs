using System.Diagnostics;
using Orchestrator.Modules.Waiting;

namespace Orchestrator.Modules.Tests.Waiting;

/// <summary>The sh loop wait_for sends: valid POSIX sh for every kind of wait, values quoted, Ansible's messages.</summary>
public sealed class WaitForScriptTests
{
    public static TheoryData<string> Kinds() => ["port-started", "port-stopped", "path-present", "path-absent", "path-regex"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_script_is_valid_posix_sh(string kind)
    {
        var script = WaitForScript.Build(Request(kind));

        var start = new ProcessStartInfo("/bin/sh", ["-n", "-c", script]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
        Assert.DoesNotContain("[[", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_reach_the_shell_quoted()
    {
        var script = WaitForScript.Build(new WaitForRequest("started", 30) { Host = "h'$(id)", Port = 2181, ConnectTimeout = 3, Delay = 2, Sleep = 4 });

        Assert.Contains("wait_for 'h'\"'\"'$(id)' 2181", script, StringComparison.Ordinal);
        Assert.Contains("+ 30000 ))", script, StringComparison.Ordinal);
        Assert.Contains("timeout 3 bash", script, StringComparison.Ordinal);
        Assert.Contains("sleep 2\n", script, StringComparison.Ordinal);
        Assert.Contains("sleep 4\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_search_pattern_is_multi_line_for_pcre_and_quoted()
    {
        var script = WaitForScript.Build(Request("path-regex") with { SearchRegex = "it's (?P<x>\\d+)" });

        Assert.Contains("grep -Pzq -e '(?m)it'\"'\"'s (?P<x>\\d+)' -- '/tmp/a b'", script, StringComparison.Ordinal);
        Assert.Contains("grep -Eq -e 'it'\"'\"'s ([0-9]+)' -- '/tmp/a b'", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("port-started", "Timeout when waiting for 10.0.0.1:5050")]
    [InlineData("port-stopped", "Timeout when waiting for 10.0.0.1:5050 to stop.")]
    [InlineData("path-present", "Timeout when waiting for file /tmp/a b")]
    [InlineData("path-absent", "Timeout when waiting for /tmp/a b to be absent.")]
    [InlineData("path-regex", "Timeout when waiting for search string ready in /tmp/a b")]
    public void Timeout_messages_are_ansibles(string kind, string message) =>
        Assert.Equal(message, Request(kind).TimeoutMessage);

    [Theory]
    [InlineData(@"^server\.(\d+)=([\d.]+):", @"^server\.([0-9]+)=([0-9.]+):")]
    [InlineData(@"(?:a|b)(?P<n>\D)", @"(a|b)([^0-9])")]
    [InlineData(@"[\]x][^\d]\w+\s", @"[]x][^0-9]\w+\s")]
    public void Python_patterns_get_an_ere_spelling_for_grep_E(string python, string ere) =>
        Assert.Equal(ere, ExtendedPattern.FromPython(python));

    private static WaitForRequest Request(string kind) => kind switch
    {
        "port-started" => new WaitForRequest("started", 5) { Host = "10.0.0.1", Port = 5050 },
        "port-stopped" => new WaitForRequest("stopped", 5) { Host = "10.0.0.1", Port = 5050 },
        "path-present" => new WaitForRequest("present", 5) { Path = "/tmp/a b" },
        "path-absent" => new WaitForRequest("absent", 5) { Path = "/tmp/a b" },
        _ => new WaitForRequest("started", 5) { Path = "/tmp/a b", SearchRegex = "ready" },
    };
}
