namespace Orchestrator.Cli.Tests;

/// <summary>
/// Every bad input, through `orchestrate run` as a user meets it: the parser's corpus (the playbook cannot be read)
/// and this project's cases (undefined variables, a missing template, inventory and pattern errors, found before
/// the run). Each ends with its exit code, the located diagnostic with the offending line, no stack trace, and
/// nothing run: no PLAY or TASK line.
/// </summary>
public sealed class BadInputCorpusTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in CorpusCase.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Both_corpora_are_here()
    {
        var names = CorpusCase.Names().ToList();
        Assert.Contains("unknown-module", names);
        Assert.Contains("undefined-in-when", names);
        Assert.True(names.Count >= 90, $"{names.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_before_anything_runs(string name)
    {
        var item = CorpusCase.Load(name);

        var result = await CliRunner.RunAsync(["run", Path.Combine(item.Directory, "playbook.yaml"), "-i", item.Inventory, .. item.Arguments]);

        Assert.True(result.ExitCode == item.ExitCode, $"expected exit {item.ExitCode}\n{result}");
        Assert.Contains(item.Message, result.Error, StringComparison.Ordinal);
        Assert.Contains("--> " + item.Where, result.Error, StringComparison.Ordinal);
        if (item.File is { } file)
        {
            var line = File.ReadLines(file).ElementAt(item.Line - 1).Replace("\t", "→", StringComparison.Ordinal);
            Assert.Contains($"{item.Line} | {line}\n", result.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PLAY [", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TASK [", result.Output, StringComparison.Ordinal);
    }
}
