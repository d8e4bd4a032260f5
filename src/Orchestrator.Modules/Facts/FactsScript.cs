using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Facts;

/// <summary>
/// The one POSIX sh command setup runs. It only reads (files, uname, nproc, `ip route get`, which sends no packet)
/// and prints each answer as a section: NUL, the section's name, a newline, then the raw output; "end" comes last
/// so a cut-off answer is noticed. All parsing happens in <see cref="FactsParser"/>, on the controller.
/// Small text files are printed by a read loop of the shell itself (<c>__c</c>) and the host name, the kernel
/// release and (on kernels that have /proc/sys/kernel/arch) the architecture are read from /proc: every process
/// a host starts costs it about a millisecond, and facts are gathered on every host at the start of every play;
/// for the same reason one <c>ip -batch</c> (with <c>-force</c>, so a missing route does not stop it) answers both
/// the default route and the addresses. The processor count is the affinity list's (<c>Cpus_allowed_list</c> in
/// /proc/self/status, what <c>nproc</c> counts), so <c>nproc</c> runs only on a kernel without that line. The shell's
/// read takes a byte per system call, so the meminfo loop stops after its two lines (the first two of the file)
/// instead of reading all 1.5 KB.
/// </summary>
internal static class FactsScript
{
    public const string EndSection = "end";

    public static readonly string Text = $$"""
        exec 2>/dev/null
        __s() { printf '\0%s\n' "$1"; }
        __c() { [ -r "$1" ] || return 1; while IFS= read -r __l || [ -n "$__l" ]; do printf '%s\n' "$__l"; done <"$1"; }
        __s os_release; __c /etc/os-release || __c /usr/lib/os-release
        __s lsb_release; __c /etc/lsb-release
        __s debian_version; __c /etc/debian_version
        __s hostname; __c /proc/sys/kernel/hostname || hostname || uname -n
        __s fqdn; {{SessionHelper.FullHostName}}
        __s kernel; __c /proc/sys/kernel/osrelease || uname -r
        __s architecture; __c /proc/sys/kernel/arch || uname -m
        __p=; while IFS= read -r __l; do case $__l in Cpus_allowed_list:*) __p=$__l; break ;; esac; done </proc/self/status
        if [ -n "$__p" ]; then __s cpus; printf '%s\n' "$__p"; else __s nproc; nproc || grep -c '^processor' /proc/cpuinfo; fi
        __s meminfo; __mn=0; while [ "$__mn" -lt 2 ] && IFS= read -r __l; do case $__l in MemTotal:*|MemFree:*) printf '%s\n' "$__l"; __mn=$((__mn + 1)) ;; esac; done </proc/meminfo
        __s init; [ -d /run/systemd/system ] && echo systemd_dir; [ -x /sbin/initctl ] && /sbin/initctl version
        __s docker; command -v docker; [ -S /var/run/docker.sock ] && echo /var/run/docker.sock
        __s python; command -v python3 || command -v python
        if command -v ip >/dev/null; then
          __s ip; ip -4 -o -force -batch - <<'__ip'
        route get 1.1.1.1
        addr show
        __ip
        else
          __s proc_route; cat /proc/net/route
          __s fib_trie; cat /proc/net/fib_trie
          __s hostname_ip; hostname -I
        fi
        __s end
        """;

    /// <summary>Splits the command's output into its sections by name; null when the "end" section is missing.</summary>
    public static IReadOnlyDictionary<string, string>? Sections(string output)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in output.Split('\0').Skip(1))
        {
            var newline = chunk.IndexOf('\n', StringComparison.Ordinal);
            var name = newline < 0 ? chunk : chunk[..newline];
            sections[name] = newline < 0 ? "" : chunk[(newline + 1)..];
        }

        return sections.ContainsKey(EndSection) ? sections : null;
    }
}
