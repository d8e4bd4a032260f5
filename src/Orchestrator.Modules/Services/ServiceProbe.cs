using Orchestrator.Core.Transport;
using Orchestrator.Modules.Files;

namespace Orchestrator.Modules.Services;

/// <summary>
/// One command that finds the init system (unless <c>use</c> names it) and the service's state in it:
/// systemd when /run/systemd/system exists; upstart when initctl is upstart's and /etc/init/NAME.conf exists;
/// else sysvinit (/etc/init.d/NAME, rc?.d links).
/// </summary>
internal static class ServiceProbe
{
    private const string Script = """
        if [ "$m" = auto ]; then
          if [ -d /run/systemd/system ]; then m=systemd
          elif [ -x /sbin/initctl ] && [ -f "/etc/init/$n.conf" ] && /sbin/initctl version 2>/dev/null | grep -q upstart; then m=upstart
          else m=sysvinit; fi
        fi
        echo "manager $m"
        case $m in
          systemd)
            systemctl show -p LoadState -p ActiveState -p UnitFileState -p NeedDaemonReload -- "$n" 2>/dev/null
            e=$(systemctl is-enabled -- "$n" 2>/dev/null); r=$?
            echo "IsEnabled=$r $(printf '%s\n' "$e" | head -n 1)" ;;
          upstart)
            [ -f "/etc/init/$n.conf" ] && echo "found yes"
            echo "status $(initctl status "$n" 2>/dev/null | head -n 1)"
            [ -f "/etc/init/$n.override" ] && grep -q '^[[:space:]]*manual[[:space:]]*$' "/etc/init/$n.override" && echo "manual yes" ;;
          *)
            if [ -x "/etc/init.d/$n" ]; then
              echo "found yes"
              "/etc/init.d/$n" status >/dev/null 2>&1 </dev/null; echo "status $?"
            fi
            ls /etc/rc2.d/S[0-9][0-9]"$n" /etc/rc3.d/S[0-9][0-9]"$n" /etc/rc4.d/S[0-9][0-9]"$n" /etc/rc5.d/S[0-9][0-9]"$n" 2>/dev/null | head -n 1 | sed 's/^/start-link /' ;;
        esac
        true
        """;

    public static async Task<(ServiceStatus? Status, string? Error)> RunAsync(ITransport transport, string name, string use, CancellationToken cancellationToken)
    {
        var probe = new RemoteProbe();
        var status = probe.AddShell($"n={ShellQuote.Quote(name)}; m={ShellQuote.Quote(use)}\n{Script}");
        var overrideFile = probe.AddShell($"[ -f {ShellQuote.Quote(UpstartOverride(name))} ] && cat -- {ShellQuote.Quote(UpstartOverride(name))}; true");
        var answers = await probe.RunAsync(transport, cancellationToken);
        return answers.Error is not null
            ? (null, answers.Error)
            : (ServiceStatus.Parse(answers.Text(status), answers.Text(overrideFile)), null);
    }

    public static string UpstartOverride(string name) => $"/etc/init/{name}.override";
}
