using Orchestrator.Transport.Commands;

namespace Orchestrator.Transport.Session;

/// <summary>
/// The POSIX sh program that runs for the whole life of a session and executes one framed request at a time.
/// </summary>
/// <remarks>
/// Request (controller to host): the line <c>TOKEN lines password stdinLen subshell marker dataLines</c>, then the
/// command script as exactly <c>lines</c> newline-terminated lines, then (when <c>password</c> is 1) one line holding
/// the sudo password, then <c>dataLines</c> lines of data that our own script finds in <c>$__b</c> (file content:
/// read as data, never run as code; the last line break is the frame's), then exactly stdinLen bytes of standard
/// input.
/// Response (host to controller) to a user's command (<c>subshell</c> 0, marker <c>-</c>): the line
/// <c>TOKEN exitCode output</c>; when <c>output</c> is 1 a tar stream follows with two members, the command's
/// stdout then its stderr (sizes in the tar headers).
/// Response to our own script (<c>subshell</c> 1; 2 for shared function definitions, which the loop's own shell
/// evaluates so that every later subshell has them; 3 for a script that runs in the loop's own shell too): its
/// stdout as it is printed, then the line <c>\nMARKER exitCode stderrFollows</c>; when stderrFollows is 1, the
/// stderr bytes and <c>\nMARKER\n</c>.
///
/// Why it is built this way:
/// - The script arrives as an argument, not on stdin, so the shell never reads ahead into our frames.
/// - <c>read</c> takes text lines byte by byte (POSIX requires it on pipes) and GNU <c>head -c N</c> never
///   requests more than it still needs, so every part of a request is consumed exactly.
/// - The command's stdin is a pipe fed by <c>head -c</c>; whatever the command leaves unread is drained
///   before the next header, so no command can eat or leave bytes of the stream.
/// - stdout and stderr go to files and come back length-prefixed, unencoded and byte-exact. A daemon the
///   command leaves holding its stdout cannot stall or corrupt the channel, and since every request gets
///   new files, its later output never shows up in another command's result.
/// - The next request's two files are created right after an answer is sent, while the controller reads it
///   and prepares the next request: creating a file costs a journalled filesystem about 0.3 ms, opening an
///   existing empty one for writing almost nothing (measured: 1.2 ms less per request on ext4).
/// - tar (Essential on Debian and Ubuntu) sends both files with their lengths in one process; a trivial
///   command with no output costs no process beyond its own <c>/bin/sh -c</c>. Process starts are what a
///   request costs, so the loop uses builtins for everything else. (Measured: one tar costs about what one
///   cat costs; any other way to send two lengths and two contents byte-exact from sh needs two processes.)
/// - A user's command runs in a fresh <c>/bin/sh -c</c>, as Ansible runs it. Our own scripts (probes, uploads,
///   fetches; <c>subshell</c> = 1) run in a subshell of the loop instead (<c>(eval "$__c")</c>): a fork without
///   an exec, 0.3 ms instead of 0.8 ms per request here. A subshell starts as a fresh shell would for these
///   scripts (no positional parameters, the loop's traps reset, all it changes ends with it); they assign every
///   variable they read, and the loop's own are named <c>__*</c>. <c>$$</c> there is the loop's PID, so the
///   temporary names they make (see <see cref="DeadWriterLeftovers"/>) carry the PID of the session. A script that
///   declares it changes nothing of the shell's (probes, file's changes: <c>subshell</c> 3, see
///   <see cref="Core.Transport.CommandRequest.InSessionShell"/>) skips even that fork and runs as <c>command eval</c> in
///   the loop's own shell: <c>command</c> keeps a syntax or redirection error from ending the loop, and the
///   <c>LC_ALL=C</c> before it holds for that command alone (measured: 3x30 on three hosts, the hosts' CPU 356 -> 284
///   ms on the first run, 260 -> 246 ms on the rerun). They run with
///   <c>LC_ALL=C</c>: what they print is parsed, not read by people, and every program they start then skips
///   loading the host's locale (0.15 ms of a 1 ms process here with LANG=C.UTF-8, which pam_env sets on most
///   hosts); sudo's refusals, which the controller recognises by their English text, stay in English.
/// - Our own scripts' stdout goes straight to the controller, ended by a marker that is random per request and
///   travels only inside the request (never in a command line, environment or file on the host), so nothing
///   there can know it and end the output early: no output files and no tar for them (1.1 ms a request). They
///   leave no background process behind that could write later, and one that succeeds has read all of its
///   input (an upload reads its content and a trailer line), so only a failed one needs the drain.
/// - The loop starts with the session's helper where there is Perl (<see cref="SessionHelperProgram"/>): our own
///   scripts, as subshells, inherit its pipes (fds 8 and 9) and the unexported <c>__h=1</c>; a user's command runs
///   with both fds closed.
/// - The token is random per session: a desynchronised stream is detected rather than misread.
/// - The sudo askpass helper runs as <c>/bin/sh FILE</c> (SUDO_ASKPASS=/bin/sh, prompt = FILE), so it works
///   on a noexec /tmp; it prints the password once and empties its file, so a wrong password fails after
///   one try. The password reaches that 0600 file (in the 0700 session folder) through the printf builtin:
///   no process ever has it in its arguments or environment, and the file is emptied after every request. Both
///   files are made by the session's first request that carries a password: most sessions have none, and a new
///   file costs the host's filesystem more than any other step of a session's start.
/// - On exit the loop asks the helper to remove the session folder (no <c>rm</c> process); <c>rm -rf</c> does it
///   where there is no helper.
/// </remarks>
internal static class LoopScript
{
    public const string ReadyMarker = "ORCH-READY";

    /// <summary>
    /// Name prefix of the session folders in the host's TMPDIR. A session killed outright leaves its folder behind;
    /// the next session of the same user on that host removes it (see <see cref="DeadWriterLeftovers"/>).
    /// </summary>
    public const string FolderPrefix = "orch.";

    /// <summary>Name of the askpass helper inside the session directory.</summary>
    public const string AskpassFile = "a";

    /// <param name="functions">
    /// Shell function definitions (definitions only) the loop defines before its first request: part of the command
    /// line, which the shell parses in memory, so no request has to carry them and no byte of them is read singly.
    /// </param>
    public static string Build(string token, IReadOnlyList<string> functions) =>
        $$"""
        {{SessionHelperProgram.LoopSetup}}
        {{SessionHelperProgram.Functions}}
        {{FileScripts.LeftoversFunction}}
        {{string.Join('\n', functions)}}
        {{DeadWriterLeftovers.Remove("\"${TMPDIR:-/tmp}\"", FolderPrefix, "[ -d \"$s\" ] && [ ! -L \"$s\" ] && [ -O \"$s\" ]", "rm -rf -- \"$s\"")}}
        unset s n p r
        [ -n "$__d" ] || __d=$(mktemp -d "${TMPDIR:-/tmp}/{{DeadWriterLeftovers.Template(FolderPrefix)}}") || exit 97
        trap '{ [ "$__h" = 1 ] && __hc r; } || rm -rf "$__d"' EXIT
        trap 'exit 129' HUP
        trap 'exit 130' INT
        trap 'exit 141' PIPE
        trap 'exit 143' TERM
        __n=1
        __o="$__d/o$__n"
        __e="$__d/e$__n"
        { : >"$__o" && : >"$__e"; } || exit 97
        __lines() {
          __v=
          while [ "$1" -gt 0 ]; do
            IFS= read -r __l || exit 98
            __v="$__v$__l
        "
            set -- $(($1 - 1))
          done
        }
        printf '{{ReadyMarker}} %s %s\n' {{token}} "$__d"
        while IFS=' ' read -r __t __lc __lp __li __m __q __lb __x; do
          [ "$__t" = {{token}} ] && [ -z "$__x" ] && [ -d "$__d" ] || exit 98
          __lines "$__lc"
          __c=$__v
          if [ "$__lp" = 1 ]; then
            IFS= read -r __l || exit 98
            if [ ! -s "$__d/{{AskpassFile}}" ]; then
              (umask 077 && : >"$__d/p") || exit 97
              printf '%s\n' 'cat "${0%/*}/p"; : >"${0%/*}/p"' >"$__d/{{AskpassFile}}" || exit 97
            fi
            printf '%s\n' "$__l" >"$__d/p"
          fi
          __lines "$__lb"
          __b=${__v%?}
          __v=
          __l=
          if [ "$__m" != 0 ]; then
            if [ "$__m" = 2 ]; then
              eval "$__c" </dev/null 2>"$__e"
              __r=$?
            elif [ "$__m" = 3 ]; then
              LC_ALL=C command eval "$__c" </dev/null 2>"$__e"
              __r=$?
            elif [ "$__li" -gt 0 ]; then
              head -c "$__li" | { (export LC_ALL=C; eval "$__c") 2>"$__e"; __r=$?; [ "$__r" = 0 ] || cat >/dev/null; exit "$__r"; }
              __r=$?
            else
              (export LC_ALL=C; eval "$__c") </dev/null 2>"$__e"
              __r=$?
            fi
            if [ "$__lp" = 1 ]; then : >"$__d/p"; fi
            __b=
            if [ -s "$__e" ]; then
              printf '\n%s %s 1\n' "$__q" "$__r"
              cat "$__e"
              printf '\n%s\n' "$__q"
              : >"$__e"
            else
              printf '\n%s %s 0\n' "$__q" "$__r"
            fi
            continue
          fi
          if [ "$__li" -gt 0 ]; then
            head -c "$__li" | { /bin/sh -c "$__c" >"$__o" 2>"$__e" {{SessionHelperProgram.CloseForCommands}}; __r=$?; cat >/dev/null; exit "$__r"; }
            __r=$?
          else
            /bin/sh -c "$__c" </dev/null >"$__o" 2>"$__e" {{SessionHelperProgram.CloseForCommands}}
            __r=$?
          fi
          if [ "$__lp" = 1 ]; then : >"$__d/p"; fi
          if [ -s "$__o" ] || [ -s "$__e" ]; then
            printf '{{token}} %s 1\n' "$__r"
            tar -c -b 1 --numeric-owner -f - -C "$__d" "o$__n" "e$__n"
            : >"$__o"
            : >"$__e"
          else
            printf '{{token}} %s 0\n' "$__r"
          fi
          case $__n in *00) rm -f "$__d"/o[0-9]* "$__d"/e[0-9]* ;; esac
          __n=$((__n + 1))
          __o="$__d/o$__n"
          __e="$__d/e$__n"
          : >"$__o"
          : >"$__e"
        done
        """;
}
