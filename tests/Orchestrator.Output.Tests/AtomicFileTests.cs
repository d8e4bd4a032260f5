using Orchestrator.Output.Report;

namespace Orchestrator.Output.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("atomic-tests-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(folder.FullName, "report.json");
        File.WriteAllText(path, "old");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\"half"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["report.json"], folder.GetFiles().Select(f => f.Name));
    }
}
