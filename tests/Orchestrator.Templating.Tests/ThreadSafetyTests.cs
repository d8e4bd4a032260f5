using System.Collections.Concurrent;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class ThreadSafetyTests
{
    private const int Hosts = 400;
    private static readonly SourceLocation At = new("site.yaml", 1, 1);

    [Fact]
    public void Many_hosts_render_the_same_templates_at_once()
    {
        // A fresh engine so the first compilations race too.
        var engine = new TemplateEngine();
        var failures = new ConcurrentBag<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var options = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = timeout.Token };

        Parallel.For(0, Hosts, options, host =>
        {
            var vars = Vars.Of(
                ("inventory_hostname", $"h{host}"),
                ("zookeeper_id", (long)host),
                ("zk_hosts", Vars.List($"z{host}a", $"z{host}b")),
                ("mesos_zk", "zk://{{ join zk_hosts ',' }}/mesos"),
                ("hostvars", Vars.Of(($"h{host}", Vars.Of(("role", "{{ inventory_hostname }}-role"))))));
            Check(failures, host, $"zk://z{host}a,z{host}b/mesos", engine.RenderValue("{{ mesos_zk }}", vars, At));
            Check(failures, host, (long)host, engine.RenderValue("{{ zookeeper_id }}", vars, At));
            Check(failures, host, $"id=h{host}:{host}\n", engine.RenderText("{{#if inventory_hostname}}id={{ inventory_hostname }}:{{ default zookeeper_id 0 }}\n{{/if}}", vars, At));
            Check(failures, host, true, engine.EvaluateCondition($"'z{host}b' in zk_hosts and zookeeper_id == {host}", vars, At));
            Check(failures, host, $"h{host}-role", engine.EvaluateExpression("hostvars[inventory_hostname].role", vars, At));
        });

        Assert.Empty(failures);
    }

    private static void Check(ConcurrentBag<string> failures, int host, object expected, object? actual)
    {
        if (!Equals(expected, actual))
        {
            failures.Add($"host {host}: expected '{expected}', got '{actual}'");
        }
    }
}
