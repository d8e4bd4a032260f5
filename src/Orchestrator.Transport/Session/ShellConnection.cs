using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Commands;

namespace Orchestrator.Transport.Session;

/// <summary>
/// What LocalTransport and SshTransport share: one persistent <see cref="ShellSession"/> per host, requests
/// serialized, the session recycled when it dies or stops answering.
/// </summary>
/// <remarks>
/// Reconnection: a call never retries its own request (a command may not be idempotent). After the session
/// is lost, the call fails with <see cref="HostUnreachableException"/> and the next call makes one fresh
/// attempt to open a session, which either works or fails with <see cref="HostUnreachableException"/> again.
/// </remarks>
/// <param name="sessionFunctions">Shell function definitions each session defines when it starts (see <see cref="LoopScript"/>).</param>
internal sealed class ShellConnection(ISessionLauncher launcher, string host, ILogger logger, IReadOnlyList<string> sessionFunctions) : IAsyncDisposable
{
    /// <summary>
    /// How long after a command's own timeout the controller gives up on the answer. The host's <c>timeout</c>
    /// normally answers first (TERM, then KILL after 5 s); this only catches a host that stopped responding.
    /// </summary>
    private static readonly TimeSpan TimeoutGrace = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource closing = new();
    private ShellSession? session;

    // A session started ahead of the first call (StartOpening); that call takes it over, failure included.
    private Task<ShellSession>? opening;
    private bool disposed;

    /// <summary>The open session's private directory on the host, for tests that check it is removed.</summary>
    public string? SessionDirectory => session?.Directory;

    /// <summary>Starts opening the session in the background; a no-op once the connection is in use or closed.</summary>
    public void StartOpening(CancellationToken cancellationToken)
    {
        if (!gate.Wait(0))
        {
            return;
        }

        try
        {
            if (disposed || session is not null || opening is not null)
            {
                return;
            }

            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing.Token);
            opening = StartSessionAsync(linked.Token);
            _ = opening.ContinueWith(
                (started, source) =>
                {
                    ((CancellationTokenSource)source!).Dispose();
                    _ = started.Exception; // observed here; the first call reports it
                },
                linked,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("[{Host}] run{Details}: {Command}", host, RequestSummary.Describe(request), request.Command);
        }

        // Only a subshell of the loop inherits what the loop's shell defined (functions, $__b); sudo starts a fresh shell.
        var inLoop = CommandScript.RunsInSession(request);
        if (request.ScriptData is not null && !inLoop)
        {
            throw new ArgumentException("script data is only for our own scripts without become", nameof(request));
        }

        var shareable = inLoop ? request.SharedFunctions : null;
        return await ExecuteAsync(
            (directory, defined) => CommandScript.Compose(request, directory, defined),
            request.Become?.Password,
            CommandScript.Stdin(request),
            request.Timeout,
            request.IsInternal,
            cancellationToken,
            shareable,
            request.ScriptData,
            CommandScript.RunsInSessionShell(request)).ConfigureAwait(false);
    }

    public async Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        logger.LogDebug(
            "[{Host}] put {Path} ({Length} bytes, mode {Mode}, owner {Owner}:{Group}, become {Become})",
            host, upload.Path, upload.Content.Length, upload.Mode ?? "as before", upload.Owner ?? "as before", upload.Group ?? "as before", upload.Become?.User ?? "no");
        var script = FileScripts.Put(upload);
        var result = await ExecuteAsync(
            (directory, _) => CommandScript.Wrap(script, null, upload.Become, directory),
            upload.Become?.Password,
            FileScripts.Stdin(upload),
            null,
            true,
            cancellationToken,
            data: FileScripts.Data(upload)).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new IOException($"{host}: cannot write {upload.Path} (exit {result.ExitCode}): {result.StderrText.Trim()}");
        }
    }

    public async Task<byte[]?> FetchFileAsync(string path, BecomeOptions? become, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        logger.LogDebug("[{Host}] fetch {Path} (become {Become})", host, path, become?.User ?? "no");
        var script = FileScripts.Fetch(path);
        var result = await ExecuteAsync(
            (directory, _) => CommandScript.Wrap(script, null, become, directory),
            become?.Password,
            null,
            null,
            true,
            cancellationToken).ConfigureAwait(false);
        if (FileScripts.IsMissing(result))
        {
            return null;
        }

        return result.ExitCode == 0
            ? result.Stdout
            : throw new IOException($"{host}: cannot read {path} (exit {result.ExitCode}): {result.StderrText.Trim()}");
    }

    public async ValueTask DisposeAsync()
    {
        // A command still running after this long is abandoned: closing the session ends it.
        var acquired = await gate.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            await closing.CancelAsync().ConfigureAwait(false);
            if (opening is { } pending)
            {
                // Started ahead and never used (or still starting): cancelling ends a handshake in progress.
                opening = null;
                try
                {
                    session ??= await pending.ConfigureAwait(false);
                }
                catch (Exception e) when (e is SessionLostException or OperationCanceledException)
                {
                    // Nothing was opened.
                }
            }

            if (session is { } open)
            {
                session = null;
                await open.CloseAsync(CloseLimit).ConfigureAwait(false);
            }

            await launcher.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (acquired)
            {
                gate.Release();
            }
        }
    }

    /// <param name="compose">The script from the session's directory and whether the session has the shared functions.</param>
    /// <param name="sharedFunctions">Functions the session's shell may define once for this and later requests.</param>
    /// <param name="data">What the script reads from <c>$__b</c> (see <see cref="CommandRequest.ScriptData"/>).</param>
    /// <param name="sessionShell">Run the script in the session's own shell, not a subshell (see <see cref="CommandRequest.InSessionShell"/>).</param>
    private async Task<CommandResult> ExecuteAsync(
        Func<string, bool, string> compose,
        string? password,
        byte[]? stdin,
        TimeSpan? timeout,
        bool subshell,
        CancellationToken cancellationToken,
        string? sharedFunctions = null,
        byte[]? data = null,
        bool sessionShell = false)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var current = await OpenSessionAsync(cancellationToken).ConfigureAwait(false);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timeout is { } allowed)
            {
                limit.CancelAfter(allowed + TimeoutGrace);
            }

            var watch = Stopwatch.StartNew();
            try
            {
                var defined = sharedFunctions is not null && await DefineAsync(current, sharedFunctions, limit.Token).ConfigureAwait(false);
                var frame = RequestFrame.Create(compose(current.Directory, defined), password, stdin, subshell, data, sessionShell);
                var result = await current.ExchangeAsync(frame, limit.Token).ConfigureAwait(false);
                logger.LogTrace(
                    "[{Host}] exit {ExitCode}, {Stdout} bytes stdout, {Stderr} bytes stderr, {Elapsed:0.0} ms",
                    host, result.ExitCode, result.Stdout.Length, result.Stderr.Length, watch.Elapsed.TotalMilliseconds);

                // timeout(1) exits 124 after TERM, 137 when it had to KILL; a command's own 124 exits early.
                return timeout is { } t && result.ExitCode is 124 or 137 && watch.Elapsed >= t
                    ? result with { ExitCode = 124, TimedOut = true }
                    : result;
            }
            catch (SessionLostException lost)
            {
                session = null;
                cancellationToken.ThrowIfCancellationRequested();
                if (limit.IsCancellationRequested)
                {
                    logger.LogDebug("[{Host}] no answer within the timeout and {Grace}; session ended", host, TimeoutGrace);
                    var message = $"no answer within {timeout} + {TimeoutGrace.TotalSeconds:0} s; the session was ended";
                    return new CommandResult(124, [], Encoding.UTF8.GetBytes(message)) { TimedOut = true };
                }

                throw Unreachable(lost);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Has the session's shell define the functions once (one round trip the first time); false, and the functions
    /// then travel with the request, if the definitions failed.
    /// </summary>
    private async Task<bool> DefineAsync(ShellSession current, string functions, CancellationToken cancellationToken)
    {
        if (current.DefinedFunctions.Contains(functions))
        {
            return true;
        }

        var result = await current.ExchangeAsync(RequestFrame.Definitions(functions), cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            logger.LogDebug("[{Host}] shared functions not defined (exit {ExitCode}): {Stderr}", host, result.ExitCode, result.StderrText.Trim());
            return false;
        }

        return current.DefinedFunctions.Add(functions);
    }

    private async Task<ShellSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        if (session is { IsAlive: true } alive)
        {
            return alive;
        }

        if (session is { } dead)
        {
            session = null;
            await dead.CloseAsync(CloseLimit).ConfigureAwait(false);
        }

        try
        {
            if (opening is { } pending)
            {
                // Whatever the early start came to (a session or a failure) is this call's result: a host that
                // could not be reached is not tried twice in a row.
                try
                {
                    session = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
                    opening = null;
                }
                catch (Exception e) when (e is SessionLostException || pending.IsCompleted)
                {
                    opening = null;
                    throw;
                }

                // (Cancelled while it was still starting: it stays pending, and DisposeAsync closes it.)
            }
            else
            {
                session = await StartSessionAsync(cancellationToken).ConfigureAwait(false);
            }

            return session;
        }
        catch (SessionLostException lost)
        {
            throw Unreachable(lost);
        }
    }

    private async Task<ShellSession> StartSessionAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var started = await ShellSession.StartAsync(launcher, host, logger, sessionFunctions, cancellationToken).ConfigureAwait(false);
        logger.LogDebug("[{Host}] session open in {Elapsed:0} ms", host, watch.Elapsed.TotalMilliseconds);
        return started;
    }

    private HostUnreachableException Unreachable(SessionLostException lost)
    {
        var message = launcher.DescribeFailure(lost);
        logger.LogDebug("[{Host}] unreachable: {Message}", host, message);
        return new HostUnreachableException(host, message, lost);
    }
}
