using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Transport;

namespace Orchestrator.Inventory;

/// <summary>
/// Connection settings from a host's variables: ansible_connection (ssh, the default, or local), ansible_host
/// (default: the inventory name), ansible_port (22), ansible_user, ansible_ssh_private_key_file,
/// ansible_ssh_common_args and ansible_ssh_extra_args (split like a shell) and ansible_ssh_timeout. Ansible's other names are read too
/// and, as in Ansible's ssh plugin, win when both are set: ansible_ssh_host, ansible_ssh_port,
/// ansible_ssh_user; ansible_private_key_file loses to ansible_ssh_private_key_file.
/// </summary>
public static class HostConnection
{
    /// <summary>For variables the caller has already templated; problems are reported at <paramref name="location"/>.</summary>
    public static ConnectionSettings From(string host, IReadOnlyDictionary<string, object?> variables, SourceLocation location) =>
        Build(host, name => variables.TryGetValue(name, out var value) ? new LocatedValue(value, location) : null, location);

    internal static ConnectionSettings Build(string host, Func<string, LocatedValue?> lookup, SourceLocation hostLocation)
    {
        var reader = new ConnectionVariableReader(host, lookup, hostLocation);
        var connection = reader.Text("ansible_connection") ?? "ssh";
        if (connection == "smart")
        {
            connection = "ssh";
        }

        if (connection is not ("ssh" or "local"))
        {
            reader.Fail("ansible_connection", $"ansible_connection '{connection}' of host '{host}' is not supported (use ssh or local)");
        }

        var settings = new ConnectionSettings(host)
        {
            Connection = connection,
            Address = reader.Text("ansible_host", "ansible_ssh_host") ?? host,
            Port = reader.Number(65535, "ansible_port", "ansible_ssh_port") ?? 22,
            User = reader.Text("ansible_user", "ansible_ssh_user"),
            PrivateKeyFile = reader.Text("ansible_private_key_file", "ansible_ssh_private_key_file"),
            // Ansible puts ssh_extra_args after ssh_common_args on ssh's command line (scp and sftp get only the
            // common ones); there is only ssh here, so both go there in that order.
            CommonArgs = [.. reader.Words("ansible_ssh_common_args"), .. reader.Words("ansible_ssh_extra_args")],
            ConnectTimeout = reader.Number(int.MaxValue, "ansible_ssh_timeout") is { } seconds
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromSeconds(10),
        };
        reader.ThrowIfProblems();
        return settings;
    }
}
