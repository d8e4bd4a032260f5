using System.Text;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class RequestFrameTests
{
    [Fact]
    public void The_header_counts_lines_flags_the_password_and_gives_the_stdin_length()
    {
        var frame = RequestFrame.Create("echo a\necho 'b\nc'", "pw", [1, 2, 3]);
        Assert.Equal("tok 3 1 3 0 - 0\n", Encoding.ASCII.GetString(frame.Header("tok")));
        Assert.Equal("echo a\necho 'b\nc'\n", Encoding.UTF8.GetString(frame.Script));
        Assert.Equal("pw\n", Encoding.UTF8.GetString(frame.Password));
    }

    [Fact]
    public void A_script_already_ending_in_a_newline_is_sent_as_is()
    {
        var frame = RequestFrame.Create("true\n", null, null);
        Assert.Equal("tok 1 0 0 0 - 0\n", Encoding.ASCII.GetString(frame.Header("tok")));
        Assert.Equal("true\n", Encoding.UTF8.GetString(frame.Script));
        Assert.Empty(frame.Password);
        Assert.Empty(frame.Stdin);
    }

    [Fact]
    public void A_subshell_request_carries_an_end_marker_of_its_own()
    {
        var first = RequestFrame.Create("true", null, null, subshell: true);
        var second = RequestFrame.Create("true", null, null, subshell: true);
        Assert.Matches("^tok 1 0 0 1 [0-9a-f]{32} 0\n$", Encoding.ASCII.GetString(first.Header("tok")));
        Assert.NotEqual(first.EndMarker, second.EndMarker);
    }

    [Fact]
    public void Non_ascii_scripts_are_sent_as_utf8()
    {
        var frame = RequestFrame.Create("printf 'é✓'", null, null);
        Assert.Equal(Encoding.UTF8.GetBytes("printf 'é✓'\n"), frame.Script);
    }

    [Fact]
    public void What_the_protocol_cannot_carry_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RequestFrame.Create("echo \0", null, null));
        Assert.Throws<ArgumentException>(() => RequestFrame.Create("true", "two\nlines", null));
        Assert.Throws<ArgumentException>(() => RequestFrame.Create("true", "cr\r", null));
    }

    [Fact]
    public void The_password_never_shows_in_ToString()
    {
        var text = RequestFrame.Create("true", "hunter2", null).ToString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("********", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_data_goes_after_the_script_as_lines_with_a_last_line_break_of_the_frames_own()
    {
        var frame = RequestFrame.Create("printf '%s' \"$__b\"", null, null, subshell: true, data: "a\nb\n"u8.ToArray());

        Assert.EndsWith(" 3\n", Encoding.ASCII.GetString(frame.Header("tok")), StringComparison.Ordinal);
        Assert.Equal("a\nb\n\n"u8.ToArray(), frame.Data);
        Assert.Equal(1, RequestFrame.Create("x", null, null, subshell: true, data: []).DataLines);
        Assert.Throws<ArgumentException>(() => RequestFrame.Create("x", null, null, subshell: false, data: "a"u8.ToArray()));
    }
}
