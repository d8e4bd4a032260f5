using System.Text;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Tests.Unit;

/// <summary>The session's replies as the loop prints them, read in small pieces.</summary>
public sealed class AnswerReaderTests
{
    private const string Token = "0123456789abcdef01234567";

    [Fact]
    public async Task The_ready_line_comes_after_a_login_banner()
    {
        var reader = Reader($"Welcome!\n{LoopScript.ReadyMarker} other-token /tmp/x\n{LoopScript.ReadyMarker} {Token} /tmp/orch.1.abc\nrest");

        Assert.Equal("/tmp/orch.1.abc", await reader.ReadReadyLineAsync());
    }

    [Fact]
    public async Task Output_that_ends_without_a_ready_line_is_no_session()
    {
        await Assert.ThrowsAsync<EndOfStreamException>(() => Reader("motd\nno loop here\n").ReadReadyLineAsync());
    }

    [Fact]
    public async Task A_command_s_answer_without_output_is_its_header_alone()
    {
        var result = await Reader($"{Token} 3 0\nnext").ReadResponseAsync();

        Assert.Equal(3, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Theory]
    [InlineData("deadbeef 0 0\n")]
    [InlineData("{0} x 0\n")]
    [InlineData("{0} 0 2\n")]
    [InlineData("{0} 0 0 extra\n")]
    public async Task A_header_that_is_not_ours_breaks_the_protocol_and_is_shown_printable(string header)
    {
        var reader = Reader(string.Format(System.Globalization.CultureInfo.InvariantCulture, header, Token).Replace("\n", "\x01\n", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => reader.ReadResponseAsync());
        Assert.StartsWith("unexpected output from the session: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Our_script_s_answer_is_its_stdout_then_the_marker_line_then_its_stderr()
    {
        const string marker = "m-42";
        var reader = Reader($"line one\nline {marker}-lookalike\n\n{marker} 1 1\nwarning\n{marker}\nnext");

        var result = await reader.ReadStreamedResponseAsync(marker);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"line one\nline {marker}-lookalike\n", Encoding.UTF8.GetString(result.Stdout));
        Assert.Equal("warning", Encoding.UTF8.GetString(result.Stderr));
    }

    [Fact]
    public async Task Our_script_s_answer_with_a_broken_marker_line_breaks_the_protocol()
    {
        const string marker = "m-42";

        await Assert.ThrowsAsync<InvalidDataException>(() => Reader($"out\n{marker} oops 0\n").ReadStreamedResponseAsync(marker));
    }

    private static AnswerReader Reader(string text) => new(new TrickleStream(Encoding.UTF8.GetBytes(text), 3), Token);
}
