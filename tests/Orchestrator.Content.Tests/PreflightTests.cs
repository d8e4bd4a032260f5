using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Content.Tests;

/// <summary>The preflight's conditions, evaluated with the variables of hosts of each Ubuntu release.</summary>
public sealed class PreflightTests
{
    private static readonly SourceLocation Here = new("preflight.yaml", 1, 1);

    [Theory]
    [InlineData("trusty", "packages", false)]
    [InlineData("xenial", "packages", true)]
    [InlineData("jammy", "packages", true)]
    [InlineData("trusty", "containers", true)]
    public void Signed_by_check_refuses_apt_older_than_1_1_in_packages_mode(string release, string method, bool passes)
    {
        var vars = new ContentVariables(ContentRenderer.InventoryExample, release, new Dictionary<string, object?> { ["install_method"] = method }).For("m1");
        var task = Task("preflight | signed-by needs apt 1.1 or later");
        var applies = ContentVariables.Engine.EvaluateCondition((string)task["when"]!, vars, Here);
        var holds = ContentVariables.Engine.EvaluateCondition(That(task), vars, Here);

        Assert.Equal(passes, !applies || holds);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(2L, false)]
    public void Zookeeper_ids_must_be_unique(long? idOfM3, bool passes)
    {
        var extra = idOfM3 is null ? null : new Dictionary<string, object?>();
        var variables = new ContentVariables(ContentRenderer.InventoryExample, "jammy", extra);
        var m3 = variables.For("m3");
        if (idOfM3 is { } id)
        {
            m3["zookeeper_id"] = id;
        }

        var condition = That(Task("preflight | zookeeper_id is unique in the ensemble"));
        var all = ((IReadOnlyList<object?>)((IReadOnlyDictionary<string, object?>)m3["groups"]!)["zookeeper"]!)
            .All(item => ContentVariables.Engine.EvaluateCondition(condition, new Dictionary<string, object?>(m3) { ["item"] = item }, Here));

        Assert.Equal(passes, all);
    }

    [Fact]
    public void Cluster_address_must_be_one_of_the_host_addresses()
    {
        var vars = new ContentVariables(ContentRenderer.InventoryExample, "jammy").For("a2");
        var condition = That(Task("preflight | cluster_address is one of this host's own addresses"));

        Assert.True(ContentVariables.Engine.EvaluateCondition(condition, vars, Here));
        vars["cluster_address"] = "192.0.2.50";
        Assert.False(ContentVariables.Engine.EvaluateCondition(condition, vars, Here));
    }

    [Theory]
    [InlineData(false, false, false, true)]
    [InlineData(true, false, false, false)]
    [InlineData(true, true, false, true)]
    [InlineData(true, false, true, true)]
    public void Swarm_needs_tls_or_an_explicit_insecure_choice(bool swarm, bool insecure, bool tls, bool passes)
    {
        var extra = new Dictionary<string, object?> { ["swarm_enabled"] = swarm, ["docker_insecure_tcp"] = insecure };
        if (tls)
        {
            extra["docker_tls"] = new Dictionary<string, object?> { ["ca"] = "/c", ["cert"] = "/e", ["key"] = "/k" };
        }

        var vars = new ContentVariables(ContentRenderer.InventoryExample, "jammy", extra).For("a1");
        var condition = That(Task("preflight | Swarm needs TLS for Docker's API, or docker_insecure_tcp set on purpose"));

        Assert.Equal(passes, ContentVariables.Engine.EvaluateCondition(condition, vars, Here));
    }

    private static string That(IReadOnlyDictionary<string, object?> task) =>
        (string)((IReadOnlyDictionary<string, object?>)task["assert"]!)["that"]!;

    private static IReadOnlyDictionary<string, object?> Task(string name)
    {
        var play = (YMapping)((YSequence)YamlLoader.LoadSingle(Path.Combine(RepositoryPaths.Playbooks, "preflight.yaml"))!).Items[0];
        var tasks = (IReadOnlyList<object?>)YamlValues.ToDictionary(play)["tasks"]!;
        return tasks.Cast<IReadOnlyDictionary<string, object?>>().Single(t => (string?)t["name"] == name);
    }
}
