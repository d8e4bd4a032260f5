using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// Shell code that fetches a URL on the host to its standard output with whatever the host has: curl, else wget,
/// else python3 (nothing is installed for it). It ends in <c>exec</c>: run it alone or in a subshell.
/// </summary>
internal static class HostDownload
{
    /// <param name="otherwise">One more way, as an <c>elif CONDITION; then ...</c> branch, tried before giving up.</param>
    public static string Script(string url, bool validateCerts, int seconds, string what, string otherwise = "")
    {
        var u = ShellQuote.Quote(url);
        var insecure = validateCerts ? "" : " -k";
        var wgetInsecure = validateCerts ? "" : " --no-check-certificate";
        var python = validateCerts
            ? $"import sys,urllib.request as u; sys.stdout.buffer.write(u.urlopen(sys.argv[1], timeout={seconds}).read())"
            : $"import ssl,sys,urllib.request as u; sys.stdout.buffer.write(u.urlopen(sys.argv[1], timeout={seconds}, context=ssl._create_unverified_context()).read())";
        var tools = otherwise.Length == 0 ? "curl, wget or python3" : "curl, wget, python3 or gpg with dirmngr";
        return $$"""
            if command -v curl >/dev/null 2>&1; then exec curl -fsSL{{insecure}} --max-time {{seconds}} -- {{u}}
            elif command -v wget >/dev/null 2>&1; then exec wget -q{{wgetInsecure}} -T {{seconds}} -O - -- {{u}}
            elif command -v python3 >/dev/null 2>&1; then exec python3 -c {{ShellQuote.Quote(python)}} {{u}}
            {{otherwise}}else
              echo "none of {{tools}} is installed on the host to download {{what}}" >&2; exit 127
            fi
            """;
    }
}
