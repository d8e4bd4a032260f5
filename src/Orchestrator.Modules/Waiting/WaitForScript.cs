using System.Globalization;
using System.Text;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Waiting;

/// <summary>
/// The POSIX sh loop wait_for runs on the host in one command. It prints "met" (then, with search_regex, the
/// matched text) or "timeout", or "error: why". Ports are tried with bash's /dev/tcp, else nc -z, else python3;
/// file contents are searched with grep -P (PCRE, closest to Python's re; multi-line), else python3, else
/// grep -E (line by line, see <see cref="ExtendedPattern"/>).
/// </summary>
internal static class WaitForScript
{
    public const string Met = "met";
    public const string TimedOut = "timeout";
    public const string ErrorPrefix = "error: ";

    /// <summary>The most matched text sent back for match_groups; more is cut.</summary>
    public const int MaxMatchBytes = 65536;

    private const string Clock = """
        __now() { t=$(date +%s%N 2>/dev/null); case $t in ''|*[!0-9]*) t=$(( $(date +%s) * 1000 ));; *) t=$(( t / 1000000 ));; esac; echo "$t"; }
        """;

    private const string PythonConnect = "import socket,sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), float(sys.argv[3])).close()";

    private const string PythonSearch = """
        import re,sys
        m=re.search(sys.argv[1].encode(),open(sys.argv[2],'rb').read(),re.M)
        if m and len(sys.argv)>3: sys.stdout.buffer.write(m.group(0)[:65536])
        sys.exit(0 if m else 1)
        """;

    public static string Build(WaitForRequest request)
    {
        var script = new StringBuilder();
        script.Append(Clock).Append('\n');
        script.Append(CultureInfo.InvariantCulture, $"end=$(( $(__now) + {request.Timeout * 1000} ))\n");
        if (request.Delay > 0)
        {
            script.Append(CultureInfo.InvariantCulture, $"sleep {request.Delay}\n");
        }

        script.Append(request.Port is { } port ? PortCheck(request.Host, port, request.ConnectTimeout, request.WaitsForPresence) : PathCheck(request));
        script.Append(CultureInfo.InvariantCulture, $$"""
            while [ "$(__now)" -lt "$end" ]; do
              if __met; then echo {{Met}}; __show; exit 0; fi
              sleep {{request.Sleep}}
            done
            echo {{TimedOut}}

            """);
        return script.ToString();
    }

    private static string PortCheck(string host, long port, long connectTimeout, bool started)
    {
        var (h, p, t) = (ShellQuote.Quote(host), port.ToString(CultureInfo.InvariantCulture), connectTimeout.ToString(CultureInfo.InvariantCulture));
        return $$"""
            if command -v bash >/dev/null 2>&1; then __connect() { timeout {{t}} bash -c 'exec 3<>"/dev/tcp/$1/$2"' wait_for {{h}} {{p}}; }
            elif command -v nc >/dev/null 2>&1; then __connect() { nc -z -w {{t}} {{h}} {{p}}; }
            elif command -v python3 >/dev/null 2>&1; then __connect() { python3 -c {{ShellQuote.Quote(PythonConnect)}} {{h}} {{p}} {{t}}; }
            else echo '{{ErrorPrefix}}the host has none of bash, nc or python3 to try a port with'; exit 0; fi
            __met() { {{(started ? "" : "! ")}}__connect >/dev/null 2>&1; }
            __show() { :; }

            """;
    }

    private static string PathCheck(WaitForRequest request)
    {
        var path = ShellQuote.Quote(request.Path!);
        if (!request.WaitsForPresence)
        {
            return $"__met() {{ ! [ -e {path} ]; }}\n__show() {{ :; }}\n";
        }

        if (request.SearchRegex is not { } regex)
        {
            return $"__met() {{ [ -e {path} ]; }}\n__show() {{ :; }}\n";
        }

        var pcre = ShellQuote.Quote("(?m)" + regex);
        var plain = ShellQuote.Quote(regex);
        var extended = ShellQuote.Quote(ExtendedPattern.FromPython(regex));
        return $$"""
            if printf 'x\n' | grep -Pq x 2>/dev/null; then
              __search() { grep -Pzq -e {{pcre}} -- {{path}}; }
              __show() { grep -Pzo -e {{pcre}} -- {{path}} 2>/dev/null | head -c {{MaxMatchBytes}}; }
            elif command -v python3 >/dev/null 2>&1; then
              __search() { python3 -c {{ShellQuote.Quote(PythonSearch)}} {{plain}} {{path}}; }
              __show() { python3 -c {{ShellQuote.Quote(PythonSearch)}} {{plain}} {{path}} show 2>/dev/null; }
            else
              __search() { grep -Eq -e {{extended}} -- {{path}}; }
              __show() { grep -Eo -m 1 -e {{extended}} -- {{path}} 2>/dev/null | head -c {{MaxMatchBytes}}; }
            fi
            __met() { [ -e {{path}} ] && __search >/dev/null 2>&1; }

            """;
    }
}
