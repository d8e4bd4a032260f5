using Orchestrator.Core.Transport;
using Orchestrator.Transport.Ssh;

namespace Orchestrator.Transport.Tests.Unit;

/// <summary>The multiplexing options on the ssh command line, by default and for a master kept between runs.</summary>
public sealed class ControlSocketTests
{
    [Fact]
    public void By_default_our_private_master_options_come_first_and_win_over_the_users()
    {
        var settings = new ConnectionSettings("web1") { CommonArgs = ["-o", "ControlPath=/mine/%C"] };
        var arguments = SshCommandLine.Session(settings, ControlSocket.Private("/tmp/orch-a"), verbose: false, "x").ArgumentList.ToList();
        Assert.True(arguments.IndexOf("ControlPath=/tmp/orch-a/m") < arguments.IndexOf("ControlPath=/mine/%C"));
        Assert.Contains("ControlPersist=no", arguments);
    }

    [Fact]
    public void A_kept_master_uses_the_users_ControlPersist_and_a_socket_named_by_ssh_in_the_folder()
    {
        var user = UserMultiplexing.From(["-o", "ControlPersist=30s"]);
        var socket = ControlSocket.Persistent(user, "/home/a%b/.orchestrate/cp", "%C-0123abcd");
        Assert.True(socket.LeaveRunning);

        var arguments = SshCommandLine.Session(new ConnectionSettings("web1") { CommonArgs = ["-o", "ControlPersist=30s"] }, socket, verbose: false, "x")
            .ArgumentList.ToList();
        var persist = arguments.IndexOf("ControlPersist=30s");
        Assert.Equal("-o", arguments[persist - 1]);
        Assert.True(persist < arguments.IndexOf("ConnectTimeout=10"), "the user's ControlPersist must come before CommonArgs' copy");
        Assert.DoesNotContain("ControlPersist=no", arguments);
        Assert.Contains("ControlPath=/home/a%%b/.orchestrate/cp/%C-0123abcd", arguments);
    }

    [Fact]
    public void A_kept_master_at_the_users_ControlPath_passes_it_first_as_written()
    {
        var settings = new ConnectionSettings("web1") { CommonArgs = ["-o", "ControlPersist yes", "-o", "ControlPath=~/.ssh/%r@%h:%p"] };
        var socket = ControlSocket.UserChosen(UserMultiplexing.From(settings.CommonArgs));
        var arguments = SshCommandLine.Session(settings, socket, verbose: false, "x").ArgumentList.ToList();
        Assert.Equal(["-o", "ControlMaster=auto", "-o", "ControlPersist yes", "-o", "ControlPath=~/.ssh/%r@%h:%p"], arguments[4..10]);
        Assert.Equal("", socket.Folder);
    }

    [Fact]
    public void A_users_S_flag_sets_the_path_so_none_of_ours_is_added()
    {
        var settings = new ConnectionSettings("web1") { CommonArgs = ["-S", "/run/cm", "-o", "ControlPersist=1m"] };
        var socket = ControlSocket.UserChosen(UserMultiplexing.From(settings.CommonArgs));
        var arguments = SshCommandLine.Control(settings, socket, "check").ArgumentList.ToList();
        Assert.DoesNotContain(arguments, a => a.StartsWith("ControlPath", StringComparison.Ordinal));
        Assert.Equal(["-O", "check", "--", "web1"], arguments[^4..]);
    }

    [Fact]
    public void A_kept_masters_socket_is_named_by_ssh_and_tagged_with_how_the_host_is_reached()
    {
        var direct = new ConnectionSettings("web1") { Address = "10.0.0.5", CommonArgs = ["-o", "ControlPersist=60s"] };
        var name = PersistentControlFolder.SocketName(direct);
        Assert.Matches("^%C-[0-9a-f]{8}$", name);
        Assert.Equal(name, PersistentControlFolder.SocketName(direct with { CommonArgs = ["-o", "ControlPersist=60s"] }));

        // Same address, port and user (so the same %C before OpenSSH 9.6) through another jump host or with another key.
        Assert.NotEqual(name, PersistentControlFolder.SocketName(direct with { CommonArgs = ["-o", "ControlPersist=60s", "-J", "bastion2"] }));
        Assert.NotEqual(name, PersistentControlFolder.SocketName(direct with { PrivateKeyFile = "/keys/other" }));
    }
}
