using System.Security.Cryptography;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Tests.Fixtures;

/// <summary>
/// Everything the ssh tests need on this machine (they run as root, as CI does):
/// two local users with /bin/sh as their shell (no slow login scripts), a client key authorized for both,
/// a sudoers entry (<see cref="PasswordUser"/> needs its password for sudo, <see cref="NoPasswordUser"/> does not),
/// and one running <see cref="SshServer"/>. The users and the sudoers file are removed afterwards. Another test
/// run on the same machine waits for this one (<see cref="MachineLock"/>): the names are fixed.
/// Fails loudly (never skips) when sshd or sudo is missing.
/// </summary>
public sealed class SshTestEnvironment : IDisposable
{
    public const string PasswordUser = "orchtest-pw";

    public const string NoPasswordUser = "orchtest-np";

    private const string SudoersFile = "/etc/sudoers.d/orchestrate-transport-tests";

    private const string LockFile = "/run/lock/orchestrate-transport-tests.lock";

    // A whole transport test run takes about 2 minutes here; a run that waits longer fails instead of hanging.
    private static readonly TimeSpan LockPatience = TimeSpan.FromMinutes(15);

    private readonly MachineLock machineLock;

    public SshTestEnvironment()
    {
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the ssh tests create local test users and a sudoers entry: run them as root (CI does)");
        }

        if (!File.Exists("/usr/bin/sudo"))
        {
            throw new InvalidOperationException("sudo is missing: run .ci/install-deps.sh");
        }

        machineLock = MachineLock.Take(LockFile, LockPatience);

        Directory = System.IO.Directory.CreateTempSubdirectory("orch-transport-tests-").FullName;

        // sshd reads authorized_keys as the logging-in user, who must be able to reach it.
        File.SetUnixFileMode(Directory, (UnixFileMode)0b111_101_101);
        ClientKey = Path.Combine(Directory, "client_ed25519");
        HostCommand.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "orch-test-client", "-f", ClientKey]);
        var authorizedKeys = Path.Combine(Directory, "authorized_keys");
        File.Copy(ClientKey + ".pub", authorizedKeys);
        File.SetUnixFileMode(authorizedKeys, (UnixFileMode)0b110_100_100);

        // Quotes, a dollar and a backslash: nothing may interpret the password on its way to sudo.
        Password = "S3cret 'pw' \"$HOME\" \\ " + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        CreateUser(PasswordUser, Password);
        CreateUser(NoPasswordUser, "np-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        InstallSudoers();
        Server = new SshServer(Directory, authorizedKeys, [PasswordUser, NoPasswordUser]);
    }

    public string Directory { get; }

    public string ClientKey { get; }

    public string Password { get; }

    public SshServer Server { get; }

    /// <summary>Settings for one test user against a server, with a known_hosts file holding <paramref name="hostKey"/>.</summary>
    public ConnectionSettings Settings(string user, SshServer? server = null, string? hostKey = null)
    {
        server ??= Server;
        var knownHosts = Path.Combine(Directory, $"known_hosts-{Guid.NewGuid():N}");
        File.WriteAllText(knownHosts, $"[127.0.0.1]:{server.Port} {hostKey ?? server.HostPublicKey}\n");
        return new ConnectionSettings("testhost")
        {
            Address = "127.0.0.1",
            Port = server.Port,
            User = user,
            PrivateKeyFile = ClientKey,
            ConnectTimeout = TimeSpan.FromSeconds(5),

            // -F /dev/null: the machine's own ssh config must not change what the tests see.
            CommonArgs = ["-F", "/dev/null", "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null"],
        };
    }

    public void Dispose()
    {
        Server.Dispose();
        File.Delete(SudoersFile);
        DeleteUser(PasswordUser);
        DeleteUser(NoPasswordUser);
        System.IO.Directory.Delete(Directory, recursive: true);
        machineLock.Dispose();
    }

    private static void CreateUser(string name, string password)
    {
        DeleteUser(name);
        HostCommand.Run("useradd", ["--create-home", "--shell", "/bin/sh", name]);

        // A password also unlocks the account: with UsePAM no, sshd refuses locked accounts.
        HostCommand.Run("chpasswd", [], stdin: $"{name}:{password}\n");
    }

    private static void DeleteUser(string name)
    {
        if (HostCommand.Run("id", [name], check: false).Length > 0)
        {
            HostCommand.Run("userdel", ["--force", "--remove", name], check: false);
        }
    }

    private void InstallSudoers()
    {
        var candidate = Path.Combine(Directory, "sudoers");
        File.WriteAllText(candidate, $"""
            Defaults:{PasswordUser} lecture=never
            Defaults:{NoPasswordUser} lecture=never
            {PasswordUser} ALL=(ALL:ALL) ALL
            {NoPasswordUser} ALL=(ALL:ALL) NOPASSWD: ALL

            """);

        // A broken sudoers file would break sudo for everyone on the machine: check it before installing.
        HostCommand.Run("visudo", ["-c", "-q", "-f", candidate]);
        File.Copy(candidate, SudoersFile, overwrite: true);
        File.SetUnixFileMode(SudoersFile, UnixFileMode.UserRead | UnixFileMode.GroupRead);
    }
}
