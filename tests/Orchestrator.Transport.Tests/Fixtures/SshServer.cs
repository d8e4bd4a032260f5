using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orchestrator.Transport.Tests.Fixtures;

/// <summary>
/// A throwaway sshd on 127.0.0.1 with its own host key and config (UsePAM no, StrictModes no, key
/// authentication only, only the test users). It can be killed and started again on the same port.
/// </summary>
public sealed class SshServer : IDisposable
{
    private const string Sshd = "/usr/sbin/sshd";

    private readonly string directory;
    private readonly StringBuilder log = new();
    private Process? process;

    public SshServer(string parentDirectory, string authorizedKeysPath, IEnumerable<string> users)
    {
        if (!File.Exists(Sshd))
        {
            throw new InvalidOperationException($"{Sshd} is missing: run .ci/install-deps.sh (openssh-server)");
        }

        directory = Path.Combine(parentDirectory, "sshd-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var hostKey = Path.Combine(directory, "host_ed25519");
        HostCommand.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "orch-test-host", "-f", hostKey]);
        HostPublicKey = string.Join(' ', File.ReadAllText(hostKey + ".pub").Split(' ')[..2]);
        Port = FreePort();
        ConfigPath = Path.Combine(directory, "sshd_config");
        File.WriteAllText(ConfigPath, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {hostKey}
            PidFile {directory}/sshd.pid
            UsePAM no
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            AuthorizedKeysFile {authorizedKeysPath}
            AllowUsers {string.Join(' ', users)}
            PrintMotd no
            LogLevel VERBOSE

            """);

        // Debian's sshd refuses to start without its privilege separation folder.
        Directory.CreateDirectory("/run/sshd");
        Start();
    }

    public int Port { get; }

    /// <summary>"ssh-ed25519 AAAA..." as a known_hosts line wants it.</summary>
    public string HostPublicKey { get; }

    public string ConfigPath { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public void Start()
    {
        var startInfo = new ProcessStartInfo(Sshd)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-D", "-e", "-f", ConfigPath })
        {
            startInfo.ArgumentList.Add(argument);
        }

        process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start sshd");
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!Accepts())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"sshd did not start listening on 127.0.0.1:{Port}:\n{Log}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Kills sshd and every connection it serves, as a host going down would.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
