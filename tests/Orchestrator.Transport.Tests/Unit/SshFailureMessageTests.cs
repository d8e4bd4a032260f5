using Orchestrator.Transport.Session;
using Orchestrator.Transport.Ssh;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class SshFailureMessageTests
{
    [Fact]
    public void A_changed_host_key_is_named_as_such_and_quotes_ssh()
    {
        const string said = "@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.";
        var message = SshFailure.Describe("web1", new SessionLostException("the session ended before it was ready", 255, said));
        Assert.StartsWith("web1: the host key has CHANGED", message, StringComparison.Ordinal);
        Assert.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_failures_give_the_exit_code_and_what_ssh_said()
    {
        var message = SshFailure.Describe("web1", new SessionLostException("the session was lost", 255, "Connection closed by 10.0.0.5 port 22"));
        Assert.Equal("web1: the session was lost (ssh exit 255: connection failed or lost). ssh said:\nConnection closed by 10.0.0.5 port 22", message);
    }

    [Fact]
    public void Very_long_ssh_output_is_cut_from_the_front()
    {
        var said = new string('x', 10_000) + "the end";
        var message = SshFailure.Describe("web1", new SessionLostException("lost", null, said));
        Assert.EndsWith("the end", message, StringComparison.Ordinal);
        Assert.True(message.Length < 4200);
    }
}
