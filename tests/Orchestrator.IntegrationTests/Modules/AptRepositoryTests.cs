using Orchestrator.IntegrationTests.EndToEnd;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.Modules;

/// <summary>apt_repository with signed-by against the lab repository: apt verifies it, reruns change nothing.</summary>
[Collection(HostKitCollection.Name)]
public sealed class AptRepositoryTests(HostKitFixture lab)
{
    private const string Host = "h2";
    private const string SourcesFile = "/etc/apt/sources.list.d/e2e-aptrepo.list";

    [Fact]
    public async Task A_signed_source_is_written_once_and_apt_reads_the_lab_packages()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        await lab.RunAsync(Host, $"rm -f {SourcesFile} /etc/apt/keyrings/e2e-aptrepo.gpg; rm -rf /var/lib/apt/lists/*aptrepo*");

        var first = await run.RunAsync("repository.yaml");
        Expect.Exit(first, 0);
        Expect.Recap(first, Host, new HostRecap(2, 2, 0, 0, 0, 0, 0));
        Assert.Equal($"deb [signed-by=/etc/apt/keyrings/e2e-aptrepo.gpg] {repo.Url} {repo.Suite} main\n", await lab.ReadTextAsync(Host, SourcesFile));
        // The task's apt-get update fetched and verified the signed lists: apt knows the lab's packages.
        Assert.Contains("Candidate: 1.1-1", await lab.RunAsync(Host, "LC_ALL=C apt-cache policy orch-hello"), StringComparison.Ordinal);

        var second = await run.RunAsync("repository.yaml");
        Expect.Exit(second, 0);
        Expect.NothingChanged(second, [Host]);

        var checkDiff = await run.RunAsync("repository.yaml", null, "--check", "--diff");
        Expect.Exit(checkDiff, 0);
        Expect.Recap(checkDiff, Host, new HostRecap(2, 0, 0, 0, 0, 0, 0));
        Assert.Equal($"deb [signed-by=/etc/apt/keyrings/e2e-aptrepo.gpg] {repo.Url} {repo.Suite} main\n", await lab.ReadTextAsync(Host, SourcesFile));
    }

    [Fact]
    public async Task Check_mode_with_other_components_shows_the_new_line_and_keeps_the_file()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        Expect.Exit(await run.RunAsync("repository.yaml"), 0);
        var before = await lab.ReadFileAsync(Host, SourcesFile);

        var check = await run.RunAsync("repository.yaml", new Dictionary<string, string> { ["repo_components"] = "main contrib" }, "--check", "--diff");

        Expect.Exit(check, 0);
        Expect.Recap(check, Host, new HostRecap(2, 1, 0, 0, 0, 0, 0));
        var diff = check.RequiredReport.Task("repository source").On(Host).Diff ?? "";
        Assert.Contains($"-deb [signed-by=/etc/apt/keyrings/e2e-aptrepo.gpg] {repo.Url} {repo.Suite} main\n", diff, StringComparison.Ordinal);
        Assert.Contains($"+deb [signed-by=/etc/apt/keyrings/e2e-aptrepo.gpg] {repo.Url} {repo.Suite} main contrib\n", diff, StringComparison.Ordinal);
        Assert.Equal(before, await lab.ReadFileAsync(Host, SourcesFile));
    }
}
