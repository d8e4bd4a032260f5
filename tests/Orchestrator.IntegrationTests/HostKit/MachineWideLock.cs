namespace Orchestrator.IntegrationTests.HostKit;

/// <summary>
/// An exclusive lock on a file (flock underneath on Linux), held while a lab is up, so two test runs
/// on one machine (two work trees, or CI beside a developer) never fight over the same containers.
/// The kernel drops it when the process dies, so a crashed run never leaves it stuck.
/// </summary>
internal sealed class MachineWideLock : IDisposable
{
    private readonly FileStream _file;

    private MachineWideLock(FileStream file) => _file = file;

    internal static async Task<MachineWideLock> AcquireAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new MachineWideLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline && attempt < 100_000)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"another test run has held {path} for over {timeout}", e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
