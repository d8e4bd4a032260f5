using System.Diagnostics;

namespace Orchestrator.Transport.Tests.Fixtures;

/// <summary>
/// An exclusive lock on a file, held by this process until disposed. On Linux .NET takes it with flock(2) for
/// <see cref="FileShare.None"/>, so it holds across processes and is released when the process dies.
/// </summary>
/// <remarks>
/// The ssh tests' users and sudoers file have fixed names: two test runs on one machine at once (a CI run and a
/// developer's) would recreate each other's users and passwords halfway through. With the lock the second waits.
/// </remarks>
internal sealed class MachineLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private readonly FileStream stream;

    private MachineLock(FileStream stream) => this.stream = stream;

    /// <exception cref="TimeoutException">Another process held the lock for all of <paramref name="patience"/>.</exception>
    public static MachineLock Take(string path, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        var attempts = (int)(patience / Poll) + 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new MachineLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (attempt < attempts && waited.Elapsed < patience)
            {
                Thread.Sleep(Poll);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"{path} stayed locked for {waited.Elapsed.TotalSeconds:0} s: another test run on this machine holds it", e);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
