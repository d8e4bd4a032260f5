using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Session;

/// <summary>One running <see cref="LoopScript"/> process: a persistent shell that runs framed requests one at a time.</summary>
internal sealed class ShellSession
{
    // Input is sent in pieces of this size, so a cancelled upload stops within one piece.
    private const int InputChunk = 256 * 1024;

    /// <summary>How long a cancelled request with input may take to answer before its session is killed.</summary>
    private static readonly TimeSpan InputCancelGrace = TimeSpan.FromSeconds(10);

    private readonly Process process;
    private readonly Stream input;
    private readonly AnswerReader answers;
    private readonly StderrTail stderr;
    private readonly string token;
    private readonly ISessionLauncher launcher;

    // Set by Abort: a pending read ends with it (see UntilAbortedAsync).
    private readonly TaskCompletionSource abortSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int aborted;
    private int released;
    private int inputCut;

    private ShellSession(Process process, string token, ISessionLauncher launcher, string host, ILogger logger)
    {
        this.process = process;
        this.token = token;
        this.launcher = launcher;
        input = process.StandardInput.BaseStream;
        answers = new AnswerReader(process.StandardOutput.BaseStream, token);
        stderr = new StderrTail(process.StandardError.BaseStream, host, logger);
    }

    /// <summary>The session's private directory on the host (askpass helper, output files); removed when the session ends.</summary>
    public string Directory { get; private set; } = "";

    /// <summary>Shared functions this session's shell has defined (<see cref="RequestFrame.Definitions"/>).</summary>
    public HashSet<string> DefinedFunctions { get; } = new(StringComparer.Ordinal);

    public bool IsAlive => Volatile.Read(ref aborted) == 0 && Volatile.Read(ref inputCut) == 0 && !HasExited();

    /// <param name="functions">Shell function definitions the loop defines before its first request.</param>
    public static async Task<ShellSession> StartAsync(
        ISessionLauncher launcher, string host, ILogger logger, IReadOnlyList<string> functions, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var startInfo = launcher.CreateStartInfo(LoopScript.Build(token, functions));
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var turn = ConnectTurns.Shared.Take();
        ConnectTurns.Prepare(startInfo, turn);
        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
            ConnectTurns.Shared.Started(turn, process.Id);
        }
        catch (Win32Exception e)
        {
            ConnectTurns.Shared.Leave(turn);
            process.Dispose();
            throw new SessionLostException($"cannot start {startInfo.FileName}: {e.Message}", null, "", e);
        }

        StartupTrace.Mark("first session process started");
        var session = new ShellSession(process, token, launcher, host, logger);
        session.DefinedFunctions.UnionWith(functions);
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(launcher.StartupTimeout);
        using (startup.Token.Register(session.Abort))
        {
            try
            {
                session.Directory = await session.UntilAbortedAsync(session.answers.ReadReadyLineAsync()).ConfigureAwait(false);
                StartupTrace.Mark("first session ready");
                return session;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidDataException)
            {
                var reason = startup.IsCancellationRequested
                    ? $"no shell session within {launcher.StartupTimeout.TotalSeconds:0} s"
                    : "the session ended before it was ready";
                var lost = await session.LoseAsync(reason, e).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (startup.IsCancellationRequested)
                {
                    await launcher.StartupTimedOutAsync().ConfigureAwait(false);
                }

                throw lost;
            }
            finally
            {
                ConnectTurns.Shared.Leave(turn);
            }
        }
    }

    /// <summary>Sends one request and waits for its response.</summary>
    /// <remarks>
    /// Cancelling a request without input kills the session at once (the command is abandoned). A request with
    /// input (an upload) is rolled back instead: the rest of its input is not sent and the input is closed, so
    /// the host sees it end early (an upload then removes its temporary file) and answers; only a host that does
    /// not answer within <see cref="InputCancelGrace"/> is killed. Input already sent in full lets the request
    /// finish. Either way the caller learns of the cancellation by <see cref="SessionLostException"/>.
    /// </remarks>
    /// <exception cref="SessionLostException">The session died, broke the protocol or was cancelled; it is unusable.</exception>
    public async Task<CommandResult> ExchangeAsync(RequestFrame frame, CancellationToken cancellationToken)
    {
        // Pipe reads cannot be cancelled reliably; an abort kills the process and ends the wait (ReplyAsync).
        using var hardStop = new CancellationTokenSource();
        using var hardRegistration = hardStop.Token.Register(Abort);
        using var registration = frame.Stdin.Length > 0
            ? cancellationToken.Register(() => hardStop.CancelAfter(InputCancelGrace))
            : cancellationToken.Register(Abort);
        try
        {
            var response = ReplyAsync(frame.Subshell ? answers.ReadStreamedResponseAsync(frame.EndMarker) : answers.ReadResponseAsync());
            try
            {
                await WriteRequestAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Broken pipe: the process is dying; losing the session reports how it ended.
                Abort();
            }

            var result = await response.ConfigureAwait(false);
            if (Volatile.Read(ref inputCut) == 1)
            {
                // The host has answered the cut request, so whatever it does on short input is done.
                throw await LoseAsync("the request was cancelled before all its input was sent", new OperationCanceledException(cancellationToken)).ConfigureAwait(false);
            }

            return result;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidDataException)
        {
            throw await LoseAsync("the session was lost", e).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the session by closing its input: the loop exits and its EXIT trap removes <see cref="Directory"/>.</summary>
    public async Task CloseAsync(TimeSpan limit)
    {
        if (Interlocked.Exchange(ref released, 1) == 1)
        {
            return;
        }

        try
        {
            input.Close();
        }
        catch (IOException)
        {
            // Already broken: the process is gone or going.
        }

        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(limit)).ConfigureAwait(false);
        Abort();
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(limit)).ConfigureAwait(false);
        process.Dispose();
    }

    public void Abort()
    {
        abortSignal.TrySetResult();
        if (Interlocked.Exchange(ref aborted, 1) == 0 && !HasExited())
        {
            launcher.Abort(process, Directory);
        }
    }

    /// <summary>
    /// A read of the session's output, which ends when the session is aborted even if the output pipe does not:
    /// through a kept master, ssh hands its stdout and stderr to the master, so killing the client leaves the
    /// pipes open until that master ends, which for a stalled host is a minute or more.
    /// </summary>
    private async Task<T> UntilAbortedAsync<T>(Task<T> read)
    {
        if (await Task.WhenAny(read, abortSignal.Task).ConfigureAwait(false) != read)
        {
            // The read stays pending until the pipe ends; its failure then is of no interest.
            _ = read.ContinueWith(static abandoned => _ = abandoned.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw new IOException("the session was aborted");
        }

        return await read.ConfigureAwait(false);
    }

    // A request's reply, read while the request is still being written: an abort ends the wait (UntilAbortedAsync),
    // and a reply that breaks the protocol ends the session at once, since the host may no longer read the rest.
    private async Task<CommandResult> ReplyAsync(Task<CommandResult> read)
    {
        try
        {
            return await UntilAbortedAsync(read).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            Abort();
            throw;
        }
    }

    private async Task WriteRequestAsync(RequestFrame frame, CancellationToken cancellationToken)
    {
        // Header, script, password and data in one write; stdin (possibly tens of MB) streamed after it.
        var header = frame.Header(token);
        byte[] head = [.. header, .. frame.Script, .. frame.Password, .. frame.Data];
        await input.WriteAsync(head).ConfigureAwait(false);
        Array.Clear(head);
        for (var offset = 0; offset < frame.Stdin.Length; offset += InputChunk)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref inputCut, 1);
                input.Close();
                return;
            }

            await input.WriteAsync(frame.Stdin.AsMemory(offset, Math.Min(InputChunk, frame.Stdin.Length - offset))).ConfigureAwait(false);
        }

        await input.FlushAsync().ConfigureAwait(false);
        StartupTrace.Mark("first command sent");
    }

    private async Task<SessionLostException> LoseAsync(string reason, Exception cause)
    {
        Abort();
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(3))).ConfigureAwait(false);
        await stderr.WaitForEndAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        int? exitCode = HasExited() ? process.ExitCode : null;
        var message = cause is InvalidDataException ? $"{reason}: {cause.Message}" : reason;
        var lost = new SessionLostException(message, exitCode, stderr.Text.Trim(), cause);

        // A lost session is never used or closed again; if it has not exited yet, the abort still ends it.
        if (exitCode is not null && Interlocked.Exchange(ref released, 1) == 0)
        {
            process.Dispose();
        }

        return lost;
    }

    private bool HasExited()
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
