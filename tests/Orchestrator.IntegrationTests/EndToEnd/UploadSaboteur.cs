using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// Acts on an upload in flight from inside the host (one docker exec running a bounded poll loop every 10 ms), so the
/// kill point is a size of the temporary file, not a guess about timing.
/// </summary>
internal static class UploadSaboteur
{
    // Polls the folder for our temporary upload file (.orch.*), finds the processes that have it open, walks from
    // the first up to sshd's listener (the sshd whose parent is PID 1), waits for the size, then signals. Bounded: 6000 polls.
    private const string Script = """
        dir=$1; want=$2; how=$3
        holders() {
          ls -l /proc/[0-9]*/fd 2>/dev/null | while read -r l; do
            case $l in /proc/*/fd:) p=${l#/proc/}; p=${p%/fd:} ;; *" -> $t") printf '%s ' "$p" ;; esac
          done
        }
        t=; w=; chain=; sshd=; s=0; i=0; seen=0
        while [ "$i" -lt 6000 ]; do
          i=$((i + 1))
          if [ -z "$t" ]; then
            for c in "$dir"/.orch.*; do [ -f "$c" ] && t=$c && break; done
          fi
          if [ -n "$t" ] && [ -z "$w" ]; then
            w=$(holders)
            chain=$w
            p=${w%% *}
            while [ -n "$p" ] && [ "$p" -gt 1 ] && read -r _ comm _ pp _ <"/proc/$p/stat"; do
              [ "$comm" = "(sshd)" ] && [ "$pp" -eq 1 ] && break
              case " $chain " in *" $p "*) ;; *) chain="$chain $p" ;; esac
              [ "$comm" = "(sshd)" ] && sshd="$sshd $p"
              p=$pp
            done
          fi
          if [ -n "$t" ]; then
            if [ "$how" = DropConnectionAfterRename ]; then
              [ -e "$t" ] || { seen=1; break; }
            else
              s=$(stat -c %s -- "$t" 2>/dev/null) || s=-1
              [ -n "$sshd" ] && [ "$s" -ge "$want" ] && { seen=1; break; }
            fi
          fi
          sleep 0.01
        done
        [ "$seen" = 1 ] || { echo "no upload reached $want bytes in $dir (file '$t', size $s, writer '$w', chain '$chain')"; exit 1; }
        # The chain holds the upload's shell, so once it is killed nothing can rename the file; the processes
        # holding the file now (a shell seen with it open may have handed it to cat) are looked up only after that.
        case $how in
          DropConnection|DropConnectionAfterRename) victims=$sshd; kill -KILL $sshd ;;
          KillSession) kill -KILL $chain; w=$(holders); victims="$chain $w"; kill -KILL $w 2>/dev/null ;;
          StallWriter) w="$w $(holders)"; victims=$w; kill -STOP $w 2>/dev/null ;;
        esac
        sleep 0.2
        a=$(stat -c %s -- "$t" 2>/dev/null) || a=-1
        echo "file=$t at=$s after=$a signalled=$victims"
        """;

    /// <summary>Runs until the upload into <paramref name="folder"/> has <paramref name="bytes"/> bytes, then strikes; fails the test if it never does.</summary>
    public static async Task<SabotageReport> StrikeAsync(HostKitFixture lab, string host, string folder, long bytes, Sabotage how)
    {
        var command = $"bash -c {LabShell.Quote(Script)} saboteur {LabShell.Quote(folder)} {bytes} {how}";
        var output = (await lab.RunAsync(host, command)).Trim();
        var fields = output.Split(' ').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        return new SabotageReport(
            fields.GetValueOrDefault("file", ""),
            long.Parse(fields.GetValueOrDefault("at", "-1"), System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(fields.GetValueOrDefault("after", "-1"), System.Globalization.CultureInfo.InvariantCulture),
            output[(output.IndexOf("signalled=", StringComparison.Ordinal) + "signalled=".Length)..],
            output);
    }

    /// <summary>SIGCONT to the writer a <see cref="Sabotage.StallWriter"/> stopped (it may have ended meanwhile).</summary>
    public static Task ResumeAsync(HostKitFixture lab, string host, SabotageReport stalled) =>
        lab.RunAsync(host, $"kill -CONT {stalled.Signalled} 2>/dev/null || true");

    /// <summary>Our temporary upload files anywhere on the host's root file system (none should outlive a run).</summary>
    public static async Task<string> TemporaryFilesAsync(HostKitFixture lab, string host) =>
        (await lab.RunAsync(host, "find / -xdev -name '.orch.*' 2>/dev/null || true")).Trim();
}
