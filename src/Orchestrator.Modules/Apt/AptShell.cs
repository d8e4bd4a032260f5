using System.Globalization;
using System.Text;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// The shell around every apt-get run: never a prompt (noninteractive debconf, dpkg keeps or takes configuration
/// files without asking, needrestart and apt-listchanges quiet, stdin closed), messages in the C locale so they
/// can be read, and the dpkg lock waited for: apt's own DPkg::Lock::Timeout (apt 1.9.11 and later), and for older
/// apt a retry while apt-get says the lock is held, both bounded by the same number of seconds.
/// </summary>
internal static class AptShell
{
    public const string Environment =
        "export DEBIAN_FRONTEND=noninteractive DEBIAN_PRIORITY=critical NEEDRESTART_MODE=a NEEDRESTART_SUSPEND=1 " +
        "APT_LISTCHANGES_FRONTEND=none UCF_FORCE_CONFFOLD=1 LC_ALL=C";

    /// <summary>The package lists' identity: which lists there are and what their Release files say.</summary>
    public const string ListsFingerprint = "{ ls /var/lib/apt/lists; cat /var/lib/apt/lists/*Release; } 2>/dev/null | cksum";

    /// <summary>A script that runs each apt-get command line in turn (stopping at the first failure) under the lock wait.</summary>
    public static string Script(long lockTimeoutSeconds, params string[] aptGetCommands)
    {
        var script = new StringBuilder();
        script.Append(Environment).Append('\n');
        script.Append(LockWait(lockTimeoutSeconds)).Append('\n');
        script.Append(string.Join(" &&\n", aptGetCommands.Select(c => "__apt " + c)));
        script.Append('\n');
        return script.ToString();
    }

    /// <summary>apt-get with its lock timeout, -y, and no progress lines (-q; dpkg without a pty); the caller appends the operation.</summary>
    public static string AptGet(long lockTimeoutSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"apt-get -q -y -o DPkg::Lock::Timeout={lockTimeoutSeconds} -o Dpkg::Use-Pty=0");

    private static string LockWait(long seconds) => $$"""
        __apt() {
          __end=$(( $(date +%s) + {{seconds.ToString(CultureInfo.InvariantCulture)}} ))
          while :; do
            __err=$(mktemp) || return 1
            "$@" </dev/null 2>"$__err"; __rc=$?
            if [ "$__rc" -ne 0 ] && [ "$(date +%s)" -lt "$__end" ] && grep -q 'Could not get lock\|Unable to acquire the dpkg\|Unable to lock' "$__err"; then
              rm -f "$__err"; sleep 3; continue
            fi
            cat "$__err" >&2; rm -f "$__err"; return "$__rc"
          done
        }
        """;
}
