namespace Orchestrator.Transport.Ssh;

/// <summary>
/// Where a transport's ControlMaster listens and whether it outlives the transport. By default each transport
/// has a private master in a folder of its own, stopped on dispose, so a changed host key fails the next run.
/// The private master is the session's own ssh process (<c>ControlPersist=no</c>, as a plain <c>ssh host sh</c>
/// would be): one process per host instead of a master and a client, and no hop between them for every
/// request and answer (measured here: about 50 ms less for a 20-host rerun). The price is paid only when a
/// session is killed (a command that timed out): the next session connects again.
/// A user's ControlPersist in ansible_ssh_common_args opts in to a master that stays for later runs (as
/// Ansible's ControlPersist=60s does): then the user's ControlPersist and ControlPath win, and without a
/// ControlPath the socket lives in <see cref="PersistentControlFolder"/>.
/// </summary>
/// <param name="PersistOption">The <c>-o</c> argument for ControlPersist, ours or the user's.</param>
/// <param name="PathOption">The <c>-o</c> argument for ControlPath, ours or the user's; null when the user's <c>-S</c> sets it.</param>
/// <param name="Folder">The folder holding the socket; "" when the user chose the path.</param>
/// <param name="LeaveRunning">A persistent master: neither stopped nor its folder removed on dispose.</param>
internal sealed record ControlSocket(string PersistOption, string? PathOption, string Folder, bool LeaveRunning)
{
    /// <summary>The private master ends with the session that started it.</summary>
    public const string PrivatePersistOption = "ControlPersist=no";

    /// <summary>The private master's socket path (unexpanded, as ssh reads it), for checking that it exists.</summary>
    public string PrivateSocket => LeaveRunning ? "" : Folder + "/" + ControlDirectory.SocketName;

    public static ControlSocket Private(string folder) =>
        new(PrivatePersistOption, PathFor(folder + "/" + ControlDirectory.SocketName), folder, LeaveRunning: false);

    /// <summary>A kept master whose socket path the user chose (ControlPath or <c>-S</c> in ansible_ssh_common_args).</summary>
    public static ControlSocket UserChosen(UserMultiplexing user) =>
        new(user.ControlPersistOption!, user.ControlPathOption, "", LeaveRunning: true);

    /// <summary>A kept master in our per-user folder.</summary>
    /// <param name="socketName">The socket's name in <paramref name="folder"/>, with ssh's % tokens.</param>
    public static ControlSocket Persistent(UserMultiplexing user, string folder, string socketName) =>
        // The folder's own '%' are escaped; the name's tokens are left for ssh to expand.
        new(user.ControlPersistOption!, PathFor(folder) + "/" + socketName, folder, LeaveRunning: true);

    private static string PathFor(string path) => "ControlPath=" + path.Replace("%", "%%", StringComparison.Ordinal);
}
