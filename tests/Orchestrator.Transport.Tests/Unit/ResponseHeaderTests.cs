using System.Text;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class ResponseHeaderTests
{
    [Theory]
    [InlineData("tok 0 0", 0, false)]
    [InlineData("tok 137 1", 137, true)]
    public void Our_headers_parse(string line, int exitCode, bool hasOutput)
    {
        Assert.True(ResponseHeader.TryParse(Encoding.ASCII.GetBytes(line), "tok", out var header));
        Assert.Equal(new ResponseHeader(exitCode, hasOutput), header);
    }

    [Theory]
    [InlineData("other 0 0")]
    [InlineData("tok 0")]
    [InlineData("tok 0 2")]
    [InlineData("tok -1 0")]
    [InlineData("tok x 1")]
    [InlineData("tok 0 1 extra")]
    [InlineData("")]
    public void Anything_else_is_a_broken_stream(string line)
    {
        Assert.False(ResponseHeader.TryParse(Encoding.ASCII.GetBytes(line), "tok", out _));
    }
}
