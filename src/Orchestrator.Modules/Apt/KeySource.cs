using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Apt;

/// <summary>Where apt_key's key comes from: inline data, a controller file, or a download on the host (url or keyserver).</summary>
internal static class KeySource
{
    /// <returns>The key bytes and a description of the source for messages, or an error.</returns>
    public static async Task<(byte[]? Data, string Source, string? Error)> ReadAsync(ModuleContext context, string? fingerprint, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        if (arguments.GetString("data") is { } data)
        {
            return (System.Text.Encoding.UTF8.GetBytes(data), "data", null);
        }

        if (arguments.GetString("file") is { } file)
        {
            var path = context.Files.Resolve(file, "files", context.TaskLocation);
            return (await File.ReadAllBytesAsync(path, cancellationToken), file, null);
        }

        string url;
        string? gpgKeyserver = null;
        if (arguments.GetString("keyserver") is { } keyserver)
        {
            (url, gpgKeyserver) = KeyDownload.Keyserver(keyserver, fingerprint!);
        }
        else
        {
            url = arguments.GetRequiredString("url");
        }

        var script = KeyDownload.Script(url, arguments.GetBool("validate_certs", fallback: true), gpgKeyserver, fingerprint);
        var run = await context.Transport.RunAsync(new CommandRequest(script) { Timeout = KeyDownload.Timeout }, cancellationToken);
        if (run.ExitCode != 0 || run.Stdout.Length == 0)
        {
            var detail = run.StderrText.Trim();
            return (null, url, $"downloading the key from {url} failed (exit {run.ExitCode}){(detail.Length > 0 ? ": " + detail : "")}");
        }

        return (run.Stdout, url, null);
    }
}
