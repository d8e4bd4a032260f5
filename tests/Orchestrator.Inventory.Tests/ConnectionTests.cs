using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory.Tests;

public sealed class ConnectionTests
{
    private readonly HostInventory inventory = Fixture.Load("connection", "inventory.yaml");

    [Fact]
    public void Defaults_are_ssh_to_the_inventory_name_on_port_22()
    {
        var plain = inventory.ConnectionOf("plain");
        Assert.Equal("plain", plain.HostName);
        Assert.Equal("ssh", plain.Connection);
        Assert.Equal("plain", plain.Address);
        Assert.Equal(22, plain.Port);
        Assert.Equal("ubuntu", plain.User);
        Assert.Null(plain.PrivateKeyFile);
        Assert.Empty(plain.CommonArgs);
        Assert.Equal(TimeSpan.FromSeconds(10), plain.ConnectTimeout);
    }

    [Fact]
    public void Every_connection_variable_is_read_and_common_args_split_like_a_shell()
    {
        var full = inventory.ConnectionOf("full");
        Assert.Equal("10.0.0.5", full.Address);
        Assert.Equal(2222, full.Port);
        Assert.Equal("admin", full.User);
        Assert.Equal("~/.ssh/lab key", full.PrivateKeyFile);
        Assert.Equal(TimeSpan.FromSeconds(30), full.ConnectTimeout);
        Assert.Equal(
            ["-o", "ProxyJump=bastion", "-o", "UserKnownHostsFile=/tmp/known hosts", "-o", "StrictHostKeyChecking=accept-new", "-o", "Ciphers=a b"],
            full.CommonArgs);
    }

    [Fact]
    public void Local_connection_string_port_old_names_list_args_and_host_port_keys()
    {
        Assert.Equal("local", inventory.ConnectionOf("local-box").Connection);
        Assert.Equal(2200, inventory.ConnectionOf("string-port").Port);
        var old = inventory.ConnectionOf("old-names");
        Assert.Equal(("10.0.0.9", 2022, "legacy", "/keys/legacy"), (old.Address, old.Port, old.User, old.PrivateKeyFile));
        Assert.Equal(["-o", "A=b c"], inventory.ConnectionOf("listed-args").CommonArgs);
        var keyed = inventory.ConnectionOf("10.1.2.3");
        Assert.Equal(("10.1.2.3", 2201), (keyed.Address, keyed.Port));
    }

    [Fact]
    public void Extra_args_follow_the_common_args_as_in_ansibles_ssh_command_line()
    {
        Assert.Equal(["-o", "ProxyJump=bastion", "-o", "SendEnv LANG", "-4"], inventory.ConnectionOf("extra-args").CommonArgs);
    }

    [Fact]
    public void A_bad_port_is_located_where_it_was_set()
    {
        var error = Assert.Throws<UserErrorException>(() => inventory.ConnectionOf("bad-port"));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("ansible_port of host 'bad-port' must be a whole number from 1 to 65535, not 'seventy'", diagnostic.Message);
        Assert.Equal(new SourceLocation(Fixture.Path("connection", "inventory.yaml"), 33, 11), diagnostic.Location);
    }

    [Fact]
    public void Every_bad_connection_variable_is_reported()
    {
        var error = Assert.Throws<UserErrorException>(() => inventory.ConnectionOf("bad-everything"));
        Assert.Equal(
            [
                "ansible_connection 'winrm' of host 'bad-everything' is not supported (use ssh or local)",
                "ansible_port of host 'bad-everything' must be a whole number from 1 to 65535, not '70000'",
                "ansible_ssh_common_args of host 'bad-everything' cannot be split into words: a double quote is not closed",
                "ansible_ssh_extra_args of host 'bad-everything' cannot be split into words: a single quote is not closed",
            ],
            error.Diagnostics.Select(d => d.Message));
        Assert.Equal([36, 35, 37, 38], error.Diagnostics.Select(d => d.Location.Line));
    }

    [Fact]
    public void Templated_variables_can_be_turned_into_settings_too()
    {
        var location = new SourceLocation("site.yaml", 1, 1);
        var settings = HostConnection.From("m1", new Dictionary<string, object?> { ["ansible_host"] = "10.9.9.9", ["ansible_port"] = 2022L }, location);
        Assert.Equal(("m1", "10.9.9.9", 2022), (settings.HostName, settings.Address, settings.Port));
        var error = Assert.Throws<UserErrorException>(() => HostConnection.From("m1", new Dictionary<string, object?> { ["ansible_port"] = 0L }, location));
        Assert.Equal(location, error.Diagnostics[0].Location);
    }
}
