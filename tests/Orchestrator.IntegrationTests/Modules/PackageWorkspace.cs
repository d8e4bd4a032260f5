using Orchestrator.IntegrationTests.EndToEnd;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.Modules;

/// <summary>Runs the Modules/Playbooks against one lab host with the aptrepo kit's variables.</summary>
internal sealed class PackageWorkspace(HostKitFixture lab, AptRepo repo, string host) : IDisposable
{
    private readonly Workspace workspace = new(lab);
    private int variableFiles;

    public string Host => host;

    public static string Playbook(HostKitFixture lab, string name) =>
        Path.Combine(lab.RepositoryRoot, "tests", "Orchestrator.IntegrationTests", "Modules", "Playbooks", name);

    /// <summary><c>orchestrate run PLAYBOOK -l HOST -e @vars.json [options]</c>, the variables being the kit's plus <paramref name="variables"/>.</summary>
    public Task<OrchestrateResult> RunAsync(string playbook, IReadOnlyDictionary<string, string>? variables = null, params string[] options)
    {
        var file = workspace.WriteFile($"vars-{++variableFiles}.json", System.Text.Encoding.UTF8.GetBytes(repo.VariablesJson(variables)));
        return workspace.RunAsync(Playbook(lab, playbook), ["-l", host, "-e", "@" + file, .. options]);
    }

    public void Dispose() => workspace.Dispose();
}
