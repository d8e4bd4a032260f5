using Orchestrator.Core.Transport;
using Orchestrator.Transport.Ssh;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class SshCommandLineTests
{
    private static readonly ConnectionSettings Settings = new("web1")
    {
        Address = "10.0.0.5",
        Port = 2222,
        User = "deploy",
        PrivateKeyFile = "/keys/id",
        ConnectTimeout = TimeSpan.FromSeconds(2.5),
        CommonArgs = ["-o", "ProxyJump=bastion", "-o", "UserKnownHostsFile=/k"],
    };

    private static readonly ControlSocket Private = ControlSocket.Private("/tmp/orch-x");

    [Fact]
    public void The_session_is_multiplexed_batch_mode_has_no_terminal_and_a_process_session_of_its_own()
    {
        var startInfo = SshCommandLine.Session(Settings, Private, verbose: false, "exec /bin/sh -c x");
        var arguments = startInfo.ArgumentList.ToList();
        Assert.Equal(["setsid", "ssh", "-T"], [startInfo.FileName, arguments[0], arguments[1]]);
        Assert.Contains("BatchMode=yes", arguments);
        Assert.Contains("ControlMaster=auto", arguments);
        Assert.Contains(ControlSocket.PrivatePersistOption, arguments);
        Assert.Contains("ControlPath=/tmp/orch-x/m", arguments);
        Assert.Contains("ConnectTimeout=3", arguments);
        Assert.Contains("Port=2222", arguments);
        Assert.Contains("User=deploy", arguments);
        Assert.Equal("/keys/id", arguments[arguments.IndexOf("-i") + 1]);
        Assert.Equal(["--", "10.0.0.5", "exec /bin/sh -c x"], arguments[^3..]);
        Assert.DoesNotContain("-vvv", arguments);
    }

    [Fact]
    public void Host_keys_are_left_to_ssh_and_common_args_come_after_ours()
    {
        var arguments = SshCommandLine.Session(Settings, Private, verbose: true, "x").ArgumentList.ToList();
        Assert.DoesNotContain(arguments, a => a.Contains("StrictHostKeyChecking", StringComparison.OrdinalIgnoreCase));
        Assert.True(arguments.IndexOf("ProxyJump=bastion") > arguments.IndexOf("ControlPath=/tmp/orch-x/m"));
        Assert.True(arguments.IndexOf("UserKnownHostsFile=/k") < arguments.IndexOf("--"));
        Assert.Contains("-vvv", arguments);
    }

    [Fact]
    public void The_host_name_is_the_target_when_there_is_no_address_and_percent_signs_are_escaped()
    {
        var arguments = SshCommandLine.Control(new ConnectionSettings("db1"), ControlSocket.Private("/tmp/a%b"), "exit").ArgumentList.ToList();
        Assert.Equal(["-O", "exit", "--", "db1"], arguments[^4..]);
        Assert.Contains("ControlPath=/tmp/a%%b/m", arguments);
        Assert.DoesNotContain(arguments, a => a.StartsWith("User=", StringComparison.Ordinal));
        Assert.DoesNotContain(arguments, a => a.StartsWith("Port=", StringComparison.Ordinal));
    }

    [Fact]
    public void The_control_folder_is_private_and_its_socket_path_short()
    {
        var folder = ControlDirectory.Create();
        try
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.True((folder + "/" + ControlDirectory.SocketName).Length <= 87, folder);
        }
        finally
        {
            ControlDirectory.Remove(folder);
        }

        Assert.False(Directory.Exists(folder));
    }
}
