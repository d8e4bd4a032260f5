using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Session;

/// <summary>
/// The host's side of <see cref="SessionHelper"/>: a Perl process that answers <c>stat</c>, rename and <c>mkdir</c>
/// and <c>hostname -f</c> for our own scripts, so that they start no program for them.
/// </summary>
/// <remarks>
/// How a session starts with it (<see cref="StartCommand(string)"/>): the login shell execs <c>/usr/bin/perl</c>
/// (perl-base is Essential on Debian and Ubuntu; without it the loop runs alone, as before). Perl makes two pipes,
/// forks the helper, makes the session's folder (as <c>mktemp -d</c> would: 0700, ten random characters, created
/// or not at all, so no process is needed for it either) and execs <c>/bin/sh -c LOOP sh W R FOLDER</c>; the loop
/// moves the pipes' other ends to fds 8 (requests) and 9 (answers) and sets <c>__h=1</c>. Only builtins of Perl
/// are used (POSIX.pm alone costs 6 ms to load).
/// - Why pipes and not fifos: a dead helper then shows as end of file or a failed write, never as an open that
///   blocks. The calling function ignores SIGPIPE for its write, then sets the loop's own handler (exit 141): a
///   script in the loop's own shell must not leave the loop without it, and in a subshell it only means that the
///   script's EXIT trap runs where a SIGPIPE would have ended it outright.
/// - Nothing else gets the pipes: a user's command runs with fds 8 and 9 closed, and sudo closes them. The helper
///   ends at end of file on its request pipe, which comes when the loop exits; if a process started by our own scripts
///   kept a copy, the helper still ends within 30 s of its parent (the loop) being gone.
/// - The protocol is lock-step, one request at a time (the loop runs one script at a time): a request is NUL-ended
///   fields (operation, argument count, arguments: paths are any bytes but NUL), the answer is the line <c>0</c>
///   (done; a stat's lines follow) or <c>1</c> (not done: the caller runs the program, which does the work or
///   reports the error in its own words).
/// - Paths must be absolute: the helper's working directory is the loop's, not that of the script asking (which
///   may have changed it), so it declines a relative path and the program answers.
/// - <c>r</c> removes the session's folder (the one Perl made; only that one) as <c>rm -rf</c> would: the loop asks
///   for it on exit.
/// - <c>f</c> answers the name <c>hostname -f</c> prints: the canonical name of the kernel's host name
///   (gethostbyname, the resolver's own order: /etc/hosts, then DNS), looked up in a forked child that SIGALRM
///   ends after 2 s, as <c>timeout 2</c> ends <c>hostname -f</c> (then the name is empty). A name the resolver does not
///   know is answered <c>1</c>, so <c>hostname -f</c> itself has the last word (an IPv6-only entry, for one).
/// - Its stat lines are <c>stat -c StatFormat</c>'s (lstat, or stat with <c>L</c>); names it cannot find are
///   <c>UNKNOWN</c>, as stat prints them. mkdir is <c>mkdir -p -m MODE</c>: missing parents get 0777 less the umask
///   and always u+wx, the directory itself exactly MODE. A rename is rename(2), which like <c>mv -T</c> replaces a
///   file or link and refuses a directory.
/// </remarks>
internal static class SessionHelperProgram
{
    /// <summary>The fds the loop keeps the helper's pipes on; user commands run with both closed.</summary>
    public const string CloseForCommands = "8>&- 9<&-";

    /// <summary>
    /// The shell command (for the login shell over ssh, or a local <c>/bin/sh -c</c>) that starts a session's loop:
    /// through Perl, which starts the helper, where Perl is there. The loop's text is in it twice, but a shell
    /// parses a <c>-c</c> string one command at a time, so the second copy is read only where there is no Perl.
    /// </summary>
    public static string StartCommand(string loopScript) => StartCommand(loopScript, "/usr/bin/perl");

    /// <param name="perl">Where Perl is looked for (tests give a path that does not exist).</param>
    internal static string StartCommand(string loopScript, string perl)
    {
        var loop = ShellQuote.Quote(loopScript);
        return $"[ -x {perl} ] && exec {perl} -e {ShellQuote.Quote(Program)} {loop}\nexec /bin/sh -c {loop}";
    }

    /// <summary>The loop's first lines: take the pipes (or run without the helper) and clear the arguments.</summary>
    public const string LoopSetup = """
        unset __h
        __h=0
        __d=
        case $#:${1-}:${2-} in 3:[3-7]:[3-7]) if [ "$1" != "$2" ]; then exec 8>&"$1" 9<&"$2"; eval "exec $1>&- $2<&-"; __h=1; __d=$3; fi ;; esac
        set --
        """;

    /// <summary>
    /// <c>__hc OP ARGS...</c> asks the helper and succeeds when it answered <c>0</c>; <c>__hs s|L PATHS...</c> also
    /// reads the stat lines into <c>__v</c>.
    /// </summary>
    public const string Functions = """
        __hc() {
          trap '' PIPE
          __hq=$1
          shift
          printf '%s\0' "$__hq" "$#" "$@" 2>/dev/null >&8 && IFS= read -r __hq <&9
          __hr=$?
          trap 'exit 141' PIPE
          [ "$__hr" = 0 ] && [ "$__hq" = 0 ]
        }
        __hs() {
          __hc "$@" || return 1
          shift
          __v=
          while [ $# -gt 0 ]; do
            IFS= read -r __hq <&9 || return 1
            __v=${__v:+$__v
        }$__hq
            shift
          done
        }
        """;

    // The folder's name is the one mktemp's template gives (LoopScript's prefix, the PID, ten random characters),
    // which DeadWriterLeftovers recognises when a session dies without removing it.
    private const string Program = $$"""
        $0 = "orchestrate session helper";
        $^F = 255;
        my $loop = $ARGV[0];
        sub plain { exec "/bin/sh", "-c", $loop; exit 97 }
        pipe(QR, QW) or plain();
        pipe(AR, AW) or plain();
        my $tmp = defined $ENV{TMPDIR} && length $ENV{TMPDIR} ? $ENV{TMPDIR} : "/tmp";
        my @letters = ("A" .. "Z", "a" .. "z", 0 .. 9);
        my $dir = "";
        for (1 .. 10) {
          my $try = "$tmp/{{LoopScript.FolderPrefix}}$$." . join("", map { $letters[rand @letters] } 1 .. 10);
          if (mkdir($try, 0700)) { $dir = $try; last }
        }
        my $pid = fork;
        defined $pid or plain();
        if ($pid) {
          close QR; close AW;
          exec "/bin/sh", "-c", $loop, "sh", fileno(QW), fileno(AR), $dir;
          exit 97;
        }
        close QW; close AR;
        open STDIN, "</dev/null"; open STDOUT, ">/dev/null"; open STDERR, ">/dev/null";
        my $parent = getppid;
        $/ = "\0";
        while (1) {
          my $ready = "";
          vec($ready, fileno(QR), 1) = 1;
          if (select($ready, undef, undef, 30) < 1) { exit if getppid != $parent; next }
          my @r;
          for (my $n = 2; @r < $n;) {
            defined(my $x = <QR>) or exit;
            chop $x;
            push @r, $x;
            $n = 2 + $r[1] if @r == 2;
          }
          my ($op, $count, @a) = @r;
          my $w = answer($op, @a);
          syswrite(AW, $w) == length($w) or exit;
        }
        sub answer {
          my ($op, @a) = @_;
          for ($op eq "d" ? $a[1] : @a) { return "1\n" unless defined && m{^/} }
          if ($op eq "s" || $op eq "L") {
            my $out = "0\n";
            for (@a) {
              my @t = $op eq "L" ? stat($_) : lstat($_);
              return "1\n" unless @t;
              my $u = getpwuid($t[4]);
              my $g = getgrgid($t[5]);
              $out .= sprintf("S %x %o %s %s %s %s %s %s %s %s %s %s %s\n", $t[2], $t[2] & 07777, $t[4], $t[5],
                defined $u ? $u : "UNKNOWN", defined $g ? $g : "UNKNOWN", @t[7, 9, 8, 10, 1, 3, 0]);
            }
            return $out;
          }
          return fqdn() if $op eq "f" && !@a;
          return length $dir && tree($dir) ? "0\n" : "1\n" if $op eq "r" && !@a;
          if ($op eq "m" && @a == 2) { return rename($a[0], $a[1]) ? "0\n" : "1\n" }
          if ($op eq "d" && @a == 2 && $a[0] =~ /^[0-7]{3,4}$/) {
            my ($mode, $path) = (oct $a[0], $a[1]);
            return "0\n" if -d $path;
            my $mask = umask;
            my $at = "";
            my @parts = grep { length } split m{/+}, $path;
            pop @parts;
            for (@parts) {
              $at .= "/$_";
              next if -d $at;
              mkdir($at, 0777) or -d $at or return "1\n";
              chmod((0777 & ~$mask) | 0300, $at) if $mask & 0300;
            }
            mkdir($path, $mode) and chmod($mode, $path) or return "1\n";
            return "0\n";
          }
          return "1\n";
        }
        sub tree {
          my ($p) = @_;
          return unlink $p if -l $p || !-d _;
          opendir(my $h, $p) or return 0;
          my @names = grep { $_ ne "." && $_ ne ".." } readdir $h;
          closedir $h;
          tree("$p/$_") or return 0 for @names;
          return rmdir $p;
        }
        sub fqdn {
          open(my $in, "<", "/proc/sys/kernel/hostname") or return "1\n";
          my $name = <$in>;
          defined $name or return "1\n";
          $name =~ s/\n.*//s;
          length $name or return "1\n";
          pipe(my $r, my $w) or return "1\n";
          my $pid = fork;
          defined $pid or return "1\n";
          if (!$pid) {
            close $r;
            $SIG{ALRM} = "DEFAULT";
            alarm 2;
            my @h = gethostbyname($name);
            syswrite($w, @h && length $h[0] ? "0\n$h[0]\n" : "1\n");
            exit 0;
          }
          close $w;
          my $answer = do { local $/; <$r> };
          waitpid($pid, 0);
          return defined $answer && length $answer ? $answer : "0\n\n";
        }
        """;
}
