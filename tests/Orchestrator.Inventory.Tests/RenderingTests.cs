using System.Text.Json;

namespace Orchestrator.Inventory.Tests;

public sealed class RenderingTests
{
    private readonly HostInventory inventory = Fixture.Load("rendering", "inventory.yaml");

    [Fact]
    public void Graph_is_exactly_ansible_inventory_graph()
    {
        const string expected = """
            @all:
              |--@ungrouped:
              |  |--solo
              |--@zookeeper:
              |  |--m1
              |--@mesos_masters:
              |  |--m1
              |  |--m2
              |  |--m3
              |--@cluster:
              |  |--@mesos_masters:
              |  |  |--m1
              |  |  |--m2
              |  |  |--m3
              |  |--@empty_group:
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), InventoryRendering.ToGraph(inventory));
    }

    [Fact]
    public void Graph_of_the_spec_example()
    {
        Assert.Equal(
            "@all:\n  |--@ungrouped:\n  |--@zookeeper:\n  |  |--m1\n  |--@mesos_masters:\n  |  |--m1\n  |  |--m2\n  |  |--m3",
            InventoryRendering.ToGraph(Fixture.Load("spec", "inventory.yaml")));
    }

    [Fact]
    public void List_json_has_meta_hostvars_and_groups_like_ansible_inventory_list()
    {
        using var json = JsonDocument.Parse(InventoryRendering.ToListJson(inventory));
        var root = json.RootElement;
        Assert.Equal(["_meta", "all", "cluster", "mesos_masters", "ungrouped", "zookeeper"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["ungrouped", "zookeeper", "mesos_masters", "cluster"], Strings(root.GetProperty("all").GetProperty("children")));
        Assert.False(root.GetProperty("all").TryGetProperty("hosts", out _));
        Assert.Equal(["m1", "m2", "m3"], Strings(root.GetProperty("mesos_masters").GetProperty("hosts")));
        Assert.False(root.GetProperty("mesos_masters").TryGetProperty("children", out _));
        Assert.Equal(["mesos_masters", "empty_group"], Strings(root.GetProperty("cluster").GetProperty("children")));
        Assert.Equal(["solo"], Strings(root.GetProperty("ungrouped").GetProperty("hosts")));

        var hostVars = root.GetProperty("_meta").GetProperty("hostvars");
        Assert.Equal(["m1", "m2", "m3", "solo"], hostVars.EnumerateObject().Select(p => p.Name));
        var m1 = hostVars.GetProperty("m1");
        Assert.Equal(["ansible_host", "ansible_user", "nested", "zookeeper_id"], m1.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, m1.GetProperty("zookeeper_id").GetInt64());
        Assert.Equal(["a", "b"], m1.GetProperty("nested").EnumerateObject().Select(p => p.Name));
        Assert.Equal("ubuntu", hostVars.GetProperty("solo").GetProperty("ansible_user").GetString());
    }

    [Fact]
    public void List_json_of_an_empty_inventory_keeps_all_and_drops_empty_groups()
    {
        var text = InventoryRendering.ToListJson(InventoryLoader.Load([]));
        Assert.Equal("{\n    \"_meta\": {\n        \"hostvars\": {}\n    },\n    \"all\": {\n        \"children\": [\n            \"ungrouped\"\n        ]\n    }\n}", text);
    }

    [Fact]
    public void Host_json_is_the_merged_variables_with_sorted_keys()
    {
        var text = InventoryRendering.HostJson(inventory, "m2");
        const string expected = """
            {
                "ansible_user": "ubuntu",
                "nested": {
                    "a": [
                        1,
                        "x"
                    ],
                    "b": 2
                }
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Host_json_of_an_unknown_host_is_a_bad_option()
    {
        var error = Assert.Throws<Orchestrator.Core.Diagnostics.UserErrorException>(() => InventoryRendering.HostJson(inventory, "nope"));
        Assert.Equal(5, error.ExitCode);
        Assert.Equal("host 'nope' is not in the inventory", error.Message);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
}
