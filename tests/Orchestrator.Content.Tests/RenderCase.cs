namespace Orchestrator.Content.Tests;

/// <summary>
/// One rendering checked against a golden file: a template (or a listing of what a task loop writes) for a host
/// of inventory.example.yaml, under a variant of the variables.
/// </summary>
internal sealed record RenderCase(string Host, string Variant, string Template)
{
    /// <summary>Listings (not template files): every flag file a loop writes, as "path" and its content.</summary>
    public const string MasterFlags = "listing:/etc/mesos-master";
    public const string AgentFlags = "listing:/etc/mesos-slave";
    public const string MarathonFlags = "listing:/etc/marathon/conf";
    public const string AptSource = "listing:apt";

    public static readonly IReadOnlyList<RenderCase> All =
    [
        .. new[]
        {
            "zookeeper/zoo.cfg.hbs", "zookeeper/myid.hbs", "mesos/zk.hbs", "mesos/default-mesos.hbs",
            "mesos/default-mesos-master.hbs", "marathon/default-marathon-conf-dir.hbs", "marathon/default-marathon-env.hbs",
            "containers/zookeeper.sh.hbs", "containers/mesos-master.sh.hbs", "containers/marathon.sh.hbs",
            MasterFlags, MarathonFlags, AptSource,
        }.Select(t => new RenderCase("m1", "default", t)),
        .. new[] { "mesos/default-mesos-slave.hbs", "containers/mesos-agent.sh.hbs", AgentFlags }
            .Select(t => new RenderCase("a1", "default", t)),
        new RenderCase("m1", "swarm-insecure", "containers/swarm-manager.sh.hbs"),
        new RenderCase("a1", "swarm-insecure", "docker/default-docker.hbs"),
        new RenderCase("m1", "swarm-tls", "containers/swarm-manager.sh.hbs"),
        new RenderCase("a1", "swarm-tls", "docker/default-docker.hbs"),
        new RenderCase("a1", "resources", "containers/mesos-agent.sh.hbs"),
    ];

    public string GoldenName => Template.Replace("listing:", "listing", StringComparison.Ordinal)
        .Replace(".hbs", "", StringComparison.Ordinal).Replace('/', '_');

    public static Dictionary<string, object?> Extra(string variant) => variant switch
    {
        "default" => [],
        "swarm-insecure" => new() { ["swarm_enabled"] = true, ["docker_insecure_tcp"] = true },
        "swarm-tls" => new()
        {
            ["swarm_enabled"] = true,
            ["docker_tls"] = new Dictionary<string, object?>
            {
                ["ca"] = "/etc/docker/tls/ca.pem", ["cert"] = "/etc/docker/tls/cert.pem", ["key"] = "/etc/docker/tls/key.pem",
            },
        },
        "resources" => new()
        {
            ["mesos_agent_resources"] = "ports(*):[8000-9000, 31000-32000]",
            ["mesos_agent_attributes"] = new Dictionary<string, object?> { ["rack"] = "r1", ["zone"] = "eu-1" },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    public override string ToString() => $"{Host} {Variant} {Template}";
}
