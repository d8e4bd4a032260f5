using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// apt's <c>deb</c> argument: a .deb file on the host, or a URL the host downloads it from. The probe reads the
/// file's package name and version (dpkg-deb) and what dpkg has installed of that package; the install hands the
/// file to apt-get, which brings its dependencies.
/// </summary>
internal sealed record DebFile(string Source)
{
    private static readonly int DownloadSeconds = 300;

    public bool IsUrl => Source.Contains("://", StringComparison.Ordinal);

    /// <summary>Prints <c>deb NAME VERSION</c> and dpkg's status lines for NAME, or <c>E: ...</c>. Leaves no file behind.</summary>
    public string Inspect()
    {
        var read =
            "if __n=$(dpkg-deb -f \"$__d\" Package 2>&1); then echo \"deb $__n $(dpkg-deb -f \"$__d\" Version)\"; " +
            $"dpkg-query -W -f={ShellQuote.Quote(DpkgStatus.Format)} \"$__n\" 2>/dev/null; else echo \"E: $__n\"; fi";
        if (!IsUrl)
        {
            return $"__d={ShellQuote.Quote(Source)}; {read}; true";
        }

        return $"""
            if ! __d=$(mktemp); then echo "E: mktemp failed"
            elif ! __e=$( ( {Download()}
            ) 2>&1 >"$__d"); then echo "E: could not download "{ShellQuote.Quote(Source)}": $__e"
            else {read}
            fi; rm -f "$__d"; true
            """;
    }

    /// <summary>The install script around apt-get's command (given the file as <c>$__deb</c>): a URL is downloaded to a temporary file first and removed after.</summary>
    public string Install(long lockTimeoutSeconds, string aptGetInstall)
    {
        if (!IsUrl)
        {
            // apt-get takes an argument as a file only when it has a slash in it.
            var path = Source.Contains('/', StringComparison.Ordinal) ? Source : "./" + Source;
            return $"__deb={ShellQuote.Quote(path)}\n" + AptShell.Script(lockTimeoutSeconds, aptGetInstall);
        }

        return $"""
            __deb=$(mktemp --suffix=.deb) || exit 1
            if ! ( {Download()}
            ) >"$__deb"; then rm -f "$__deb"; echo "E: could not download "{ShellQuote.Quote(Source)} >&2; exit 1; fi
            {AptShell.Script(lockTimeoutSeconds, aptGetInstall)}__rc=$?; rm -f "$__deb"; exit $__rc

            """;
    }

    private string Download() => HostDownload.Script(Source, validateCerts: true, DownloadSeconds, "the package");
}
