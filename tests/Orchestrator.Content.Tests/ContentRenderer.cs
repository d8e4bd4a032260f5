using System.Text;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Content.Tests;

/// <summary>Renders a <see cref="RenderCase"/> the way the playbooks do: a template file, or a task loop's flag files.</summary>
internal static class ContentRenderer
{
    public static string InventoryExample => Path.Combine(RepositoryPaths.Root, "inventory.example.yaml");

    public static string Render(string release, RenderCase @case)
    {
        var vars = new ContentVariables(InventoryExample, release, RenderCase.Extra(@case.Variant)).For(@case.Host);
        return @case.Template switch
        {
            RenderCase.MasterFlags => Flags(vars, "mesos_master_flags", "/etc/mesos-master"),
            RenderCase.AgentFlags => Flags(vars, "mesos_agent_flags", "/etc/mesos-slave"),
            RenderCase.MarathonFlags => Flags(vars, "marathon_conf_flags", "/etc/marathon/conf"),
            RenderCase.AptSource => AptValues(vars),
            _ => RenderFile(@case.Template, vars),
        };
    }

    public static string RenderFile(string template, IReadOnlyDictionary<string, object?> vars)
    {
        var path = Path.Combine(RepositoryPaths.Templates, template);
        return ContentVariables.Engine.RenderText(File.ReadAllText(path), vars, new SourceLocation(path, 1, 1));
    }

    /// <summary>What the flag-file loop writes: mesos/flag.hbs rendered with each item, under the item's name.</summary>
    public static string Flags(IReadOnlyDictionary<string, object?> vars, string listName, string directory)
    {
        var text = new StringBuilder();
        var items = (IReadOnlyList<object?>)ContentVariables.Engine.RenderValue("{{ " + listName + " }}", vars, Here)!;
        foreach (var item in items.Cast<IReadOnlyDictionary<string, object?>>())
        {
            var itemVars = new Dictionary<string, object?>(vars, StringComparer.Ordinal) { ["item"] = item };
            text.Append("== ").Append(directory).Append('/').Append(item["name"]).Append('\n').Append(RenderFile("mesos/flag.hbs", itemVars));
        }

        return text.ToString();
    }

    private static readonly SourceLocation Here = new("ContentRenderer", 1, 1);

    private static string AptValues(IReadOnlyDictionary<string, object?> vars)
    {
        string Render(string template) => ContentVariables.Engine.RenderText(template, vars, Here);
        return "source: " + Render("deb [signed-by={{ mesos_repo_keyring }}] {{ mesos_repo_url }} {{ mesos_repo_codename }} main") + "\n"
            + "keyserver: " + Render("{{ mesos_repo_keyserver_url }}") + "\n"
            + "packages: " + Render("{{ mesos_package }} {{ marathon_package }}") + "\n"
            + "marathon reads /etc/marathon/conf: " + Render("{{ marathon_reads_conf_dir }}") + "\n"
            + "service manager: " + Render("{{ facts.service_mgr }}") + "\n";
    }
}
