namespace Orchestrator.Transport.Commands;

/// <summary>
/// Names temporary entries after the shell that owns them (<c>PREFIX.PID.XXXXXXXXXX</c>) and writes the sh lines
/// that remove such entries left by a shell that was killed outright (SIGKILL, a host crash) and so never ran its
/// EXIT trap. Used for upload files (<see cref="FileScripts"/>) and session folders (LoopScript).
/// </summary>
/// <remarks>
/// An entry is removed only when its name has exactly that shape (PID all digits, mktemp's ten letters and digits),
/// it passes the caller's test (kind, owner) and no process with that PID runs. A live writer's entry is never
/// touched; PID reuse only keeps a leftover longer. Without a usable /proc nothing is removed.
/// </remarks>
internal static class DeadWriterLeftovers
{
    /// <summary>The mktemp template for a new entry: <paramref name="prefix"/>, this shell's PID, ten random characters.</summary>
    public static string Template(string prefix) => prefix + "$$.XXXXXXXXXX";

    /// <summary>A new entry's name with its ten random characters chosen by the caller: <paramref name="prefix"/>, this shell's PID, <paramref name="random"/>.</summary>
    public static string Name(string prefix, string random) => prefix + "$$." + random;

    /// <param name="folder">A shell word naming the folder, e.g. <c>"$d"</c> (already quoted as the script needs).</param>
    /// <param name="prefix">The name prefix, letters and dots only (it is part of a glob and a pattern).</param>
    /// <param name="test">Shell test on the candidate <c>"$s"</c>, e.g. <c>[ -f "$s" ] &amp;&amp; [ ! -L "$s" ]</c>.</param>
    /// <param name="remove">Command removing <c>"$s"</c>.</param>
    public static string Remove(string folder, string prefix, string test, string remove)
    {
        if (prefix.Length == 0 || !prefix.All(c => char.IsAsciiLetter(c) || c == '.'))
        {
            throw new ArgumentException($"'{prefix}' is not a plain name prefix", nameof(prefix));
        }

        return $$"""
            if [ -d "/proc/$$" ]; then
              for s in {{folder}}/{{prefix}}[1-9]*; do
                n=${s##*/{{prefix}}}; p=${n%%.*}; r=${n#"$p".}
                case $p in *[!0-9]*) continue ;; esac
                case $r in ??????????) ;; *) continue ;; esac
                case $r in *[!0-9A-Za-z]*) continue ;; esac
                if {{test}} && [ ! -d "/proc/$p" ]; then {{remove}}; fi
              done
            fi
            """;
    }
}
