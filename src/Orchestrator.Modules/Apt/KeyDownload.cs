using System.Globalization;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// Fetches key data on the host and brings it back on stdout (nothing is written there): curl, else wget, else
/// python3, else gpg's own dirmngr (a host with only gnupg). A keyserver is asked with the HKP lookup URL
/// (/pks/lookup?op=get&amp;options=mr&amp;search=0xFINGERPRINT); gpg's fallback uses --recv-keys.
/// </summary>
internal static class KeyDownload
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The lookup URL of a keyserver given as a host, hkp://, hkps://, http:// or https:// (bare hosts use https).</summary>
    public static (string Url, string GpgKeyserver) Keyserver(string keyserver, string fingerprint)
    {
        var server = keyserver.Trim().TrimEnd('/');
        var scheme = server.Contains("://", StringComparison.Ordinal) ? server[..server.IndexOf("://", StringComparison.Ordinal)].ToLowerInvariant() : "";
        var host = scheme.Length == 0 ? server : server[(scheme.Length + 3)..];
        var (http, gpg) = scheme switch
        {
            "hkp" => ("http://" + (host.Contains(':', StringComparison.Ordinal) ? host : host + ":11371"), "hkp://" + host),
            "hkps" or "https" => ("https://" + host, "hkps://" + host),
            "http" => ("http://" + host, "hkp://" + (host.Contains(':', StringComparison.Ordinal) ? host : host + ":80")),
            _ => ("https://" + host, "hkps://" + host),
        };
        return ($"{http}/pks/lookup?op=get&options=mr&search=0x{fingerprint}", gpg);
    }

    public static string Script(string url, bool validateCerts, string? gpgKeyserver, string? fingerprint)
    {
        var gpgFetch = gpgKeyserver is not null && fingerprint is not null
            ? $"gpg --batch --quiet --keyserver {ShellQuote.Quote(gpgKeyserver)} --recv-keys {ShellQuote.Quote(fingerprint)}"
            : $"gpg --batch --quiet --fetch-keys {ShellQuote.Quote(url)}";
        var gpg = $$"""
            elif command -v gpg >/dev/null 2>&1 && command -v dirmngr >/dev/null 2>&1; then
              GNUPGHOME=$(mktemp -d) || exit 1; export GNUPGHOME
              {{gpgFetch}} && gpg --batch --export; rc=$?
              gpgconf --kill all >/dev/null 2>&1; rm -rf "$GNUPGHOME"; exit $rc

            """;
        return HostDownload.Script(url, validateCerts, (int)Timeout.TotalSeconds - 10, "the key", gpg);
    }
}
