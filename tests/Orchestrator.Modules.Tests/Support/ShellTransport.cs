using System.Diagnostics;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>
/// A minimal real transport for tests: commands run with /bin/sh -c on this machine, files are written to a
/// temporary file beside the destination and renamed over it. Counts round trips like a remote host would cost them.
/// </summary>
public sealed class ShellTransport : ITransport
{
    public string HostName => "localhost";

    public int RoundTrips { get; private set; }

    public List<CommandRequest> Requests { get; } = [];

    public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        RoundTrips++;
        Requests.Add(request);
        return ExecuteAsync(request, cancellationToken);
    }

    private static async Task<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = request.WorkingDirectory ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(DataReader(request) + (request.SharedFunctions is null ? "" : request.SharedFunctions + "\n") + request.Command);
        foreach (var (name, value) in request.Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var reading = Task.WhenAll(
            process.StandardOutput.BaseStream.CopyToAsync(stdout, cancellationToken),
            process.StandardError.BaseStream.CopyToAsync(stderr, cancellationToken));
        if (request.Stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(request.Stdin, cancellationToken);
        }

        process.StandardInput.Close();
        await reading;
        await process.WaitForExitAsync(cancellationToken);
        return new CommandResult(process.ExitCode, stdout.ToArray(), stderr.ToArray());
    }

    // The session reads a request's data into $__b; here a file read with builtins does it (PATH may be bare).
    private static string DataReader(CommandRequest request)
    {
        if (request.ScriptData is null)
        {
            return "";
        }

        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, [.. request.ScriptData, (byte)'\n']);
        return $"__b=; while IFS= read -r __l; do __b=\"$__b$__l\n\"; done <{ShellQuote.Quote(file)}; __b=${{__b%?}}; rm -f {ShellQuote.Quote(file)} 2>/dev/null\n";
    }

    public async Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken)
    {
        var path = ShellQuote.Quote(upload.Path);
        var owner = upload.Owner is null && upload.Group is null ? null : (upload.Owner ?? "") + (upload.Group is null ? "" : ":" + upload.Group);
        var script = $"t=$(mktemp {ShellQuote.Quote(Path.GetDirectoryName(Path.GetFullPath(upload.Path)) + "/.put.")}XXXXXX) && cat > \"$t\""
            + (upload.Mode is { } mode ? $" && chmod {mode} \"$t\"" : $" && {{ if [ -e {path} ]; then chmod --reference={path} \"$t\"; else chmod 644 \"$t\"; fi; }}")
            + (owner is null ? "" : $" && chown -- {ShellQuote.Quote(owner)} \"$t\"")
            + $" && mv -Tf -- \"$t\" {path}";
        var result = await ExecuteAsync(new CommandRequest(script) { Stdin = upload.Content }, cancellationToken);
        RoundTrips++;
        Assert.True(result.ExitCode == 0, $"upload of {upload.Path} failed: {result.StderrText}");
    }

    public async Task<byte[]?> FetchFileAsync(string path, BecomeOptions? become, CancellationToken cancellationToken)
    {
        RoundTrips++;
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
