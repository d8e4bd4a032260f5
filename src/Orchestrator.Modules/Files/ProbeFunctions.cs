using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>
/// The shell functions <see cref="RemoteProbe"/>'s questions call. Every session defines them once when it starts
/// (<see cref="SessionFunctions"/>); a script run in a fresh shell (through sudo) carries them.
/// </summary>
internal static class ProbeFunctions
{
    private static readonly string StatFormat = ShellQuote.Quote(SessionHelper.StatFormat);

    // __kind: A absent, F a link to follow, N anything else (stat it as it is).
    // __probe prints one file's record: "A" (absent), "X<error>", or the lines "S <stat fields>", "P <rwx>",
    // "C <checksum>" (regular files, when asked) and last "L<target>" (links, when not following). It leaves the
    // stat line in __s for a question that follows (a snapshot's __small).
    // $1 path, $2 1 = follow links, $3 checksum algorithm (sha1, md5...) or empty, $4 kind, $5 1 = in the checksum batch.
    /// <summary>The probe's shell functions: every session defines them when it starts (<see cref="SessionFunctions"/>).</summary>
    public static readonly string Script = $$"""
        __nl='
        '
        __kind() {
          if [ "$2" = 1 ]; then
            if [ ! -e "$1" ]; then __v=A; elif [ -L "$1" ]; then __v=F; else __v=N; fi
          elif [ -e "$1" ] || [ -L "$1" ]; then __v=N; else __v=A; fi
        }
        __probe() {
          case $4 in A) printf A; return ;; F) __ps=$__F ;; *) __ps=$__N ;; esac
          if [ "$__ps" = - ]; then
            if [ "$4" = F ]; then __ps=$(stat -L -c {{StatFormat}} -- "$1" 2>&1); else __ps=$(stat -c {{StatFormat}} -- "$1" 2>&1); fi || { printf 'X%s' "$__ps"; return; }
          else
            __ps=${__ps%%"$__nl"*}
            if [ "$4" = F ]; then __F=${__F#*"$__nl"}; else __N=${__N#*"$__nl"}; fi
          fi
          printf '%s\n' "$__ps"; __s=$__ps
          __pr=-; [ -r "$1" ] && __pr=r; __pw=-; [ -w "$1" ] && __pw=w; __px=-; [ -x "$1" ] && __px=x
          printf 'P %s%s%s\n' "$__pr" "$__pw" "$__px"
          if [ "$5" = 1 ] && [ "$__C" != - ]; then
            __pc=${__C%%"$__nl"*}; __C=${__C#*"$__nl"}; __pc=${__pc#\\}; printf 'C %s\n' "${__pc%% *}"
          elif [ -n "$3" ] && [ -f "$1" ] && { [ "$2" = 1 ] || [ ! -L "$1" ]; }; then
            if [ $# -gt 5 ] && __same "$1" "$__ps" "$6"; then __pc=$7; else __pc=$("$3"sum < "$1") || __pc=; fi
            printf 'C %s\n' "${__pc%% *}"
          fi
          if [ "$2" != 1 ] && [ -L "$1" ]; then printf L; readlink -- "$1"; fi
        }
        # __files ALGORITHM then FOLLOW SUM for each file n, whose path is in __p<n>: its kind into __k<n>, 1 into __c<n>
        # when SUM is 1 and it is a regular file (not a link, unless FOLLOW), then the stat lines of the N and F files
        # into __N and __F and the ALGORITHM checksums of the __c files into __C ("-" where a batch failed). Each batch's
        # paths become __files' own "$@" (a function cannot set its caller's), hence the selection inline three times.
        __files() {
          __fa=$1; shift; __fn=0
          while [ $# -gt 1 ]; do
            eval "__fp=\$__p$__fn"
            __kind "$__fp" "$1"; eval "__k$__fn=\$__v; __c$__fn="
            if [ "$2" = 1 ] && [ "$__v" != A ] && [ -f "$__fp" ] && { [ "$1" = 1 ] || [ ! -L "$__fp" ]; }; then eval "__c$__fn=1"; fi
            __fn=$((__fn + 1)); shift 2
          done
          {{Select("__k", "N")}}; __N=; if [ $# -gt 0 ]; then {{SessionHelper.StatInto("__N", follow: false)}}; fi
          {{Select("__k", "F")}}; __F=; if [ $# -gt 0 ]; then {{SessionHelper.StatInto("__F", follow: true)}}; fi
          __C=; [ -n "$__fa" ] || return 0
          {{Select("__c", "1")}}; if [ $# -gt 0 ]; then __C=$("${__fa}sum" -- "$@" 2>/dev/null) || __C=-; fi
        }
        # __size: field 8 of a stat line ($1), the size, into __z. __read: file $1 into __x by read (NUL bytes dropped).
        __size() { __z=${1#S * * * * * * }; __z=${__z%% *}; }
        __read() { __x=; while IFS= read -r __l; do __x="$__x$__l$__nl"; done <"$1"; __x="$__x$__l"; }
        # $1 path, $2 its stat line, $3 the expected size; the expected content is the request's data, in $__b.
        __same() { __size "$2"; [ "$__z" = "$3" ] && [ -r "$1" ] && __read "$1" && [ "$__x" = "$__b" ]; }
        # __ids KIND PATH FOLDER OWNER GROUP: see AddWriteIdentity. The writing user's id line is kept in __wid: in the
        # session's own shell, only the session's first new file costs an id process.
        __ids() {
          if [ -d "$2" ] || { [ -e "$3" ] && [ ! -d "$3" ]; }; then return 0; fi
          __io=$4; __ig=$5
          if [ "$1" = A ]; then printf 'M '; umask; printf 'I %s\n' "${__wid:=$(id)}"; set --; else set -- $__s; fi
          if [ -n "$__io" ] && [ "$__io" != "${4-}" ] && [ "$__io" != "${6-}" ]; then printf 'O '; id -- "$__io" 2>/dev/null || echo; fi
          if [ -n "$__ig" ] && [ "$__ig" != "${5-}" ] && [ "$__ig" != "${7-}" ]; then printf 'G '; getent group -- "$__ig" || echo; fi
        }
        # Prints small file $1 (stat line $2) when read byte-exact (no NUL dropped); fails otherwise, to cat it then.
        __small() {
          __size "$2"; [ "$__z" -le {{ExpectedContent.MaxBytes}} ] 2>/dev/null && [ -r "$1" ] && __read "$1" && [ "${#__x}" = "$__z" ] && printf '%s' "$__x"
        }
        """;

    // Sets "$@" to the paths __p<n> whose FLAG<n> variable equals VALUE, n from 0 to __fn - 1.
    private static string Select(string flag, string value) =>
        $"set --; __fi=0; while [ $__fi -lt $__fn ]; do eval \"[ \\\"\\${flag}$__fi\\\" = {value} ] && set -- \\\"\\$@\\\" \\\"\\$__p$__fi\\\"\"; __fi=$((__fi + 1)); done";
}
