using Orchestrator.Core.Transport;
using Orchestrator.Core.Yaml;
using Orchestrator.Engine;
using Orchestrator.Inventory;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// Connections started before the playbook is parsed: only for a plain first-play pattern and an inventory that
/// loads cleanly without vault data; otherwise nothing starts and the run loads the inventory itself.
/// </summary>
public sealed class EarlyConnectTests : IDisposable
{
    private const string Inventory = "all:\n  hosts:\n    web1: {ansible_host: 127.0.0.1}\n    web2: {ansible_host: 127.0.0.1}\n    db1: {ansible_host: 127.0.0.1}\n  children:\n    web:\n      hosts: {web1: {}, web2: {}}\n";
    private readonly string folder = Directory.CreateTempSubdirectory("orchestrate-early-").FullName;
    private readonly RecordingFactory factory = new();
    private readonly List<string> tagsAsked = [];

    [Fact]
    public async Task The_first_plays_hosts_start_connecting_and_the_inventory_is_handed_on()
    {
        var inventory = Start("- hosts: web\n  tasks: []\n", Inventory, out var connections);

        Assert.NotNull(inventory);
        Assert.Equal(["web1", "web2"], factory.Started.Order());
        await connections.DisposeAsync();
        Assert.Equal(2, factory.Disposed);
    }

    [Fact]
    public void An_inventory_with_vault_data_is_left_to_the_run_and_never_decrypted()
    {
        var vaulted = Inventory + "  vars:\n    secret: !vault |\n      $ANSIBLE_VAULT;1.1;AES256\n      3132\n";

        var inventory = Start("- hosts: web\n", vaulted, out _);

        Assert.Null(inventory);
        Assert.Empty(factory.Started);
        Assert.Empty(tagsAsked);
    }

    [Theory]
    [InlineData("- hosts: '{{ group }}'\n", Inventory)]
    [InlineData("- hosts: web\n", "all:\n  hosts: [broken\n")]
    public void Nothing_starts_when_the_hosts_or_the_inventory_are_not_plain(string playbook, string inventoryText)
    {
        var inventory = Start(playbook, inventoryText, out _);

        Assert.Null(inventory);
        Assert.Empty(factory.Started);
    }

    [Fact]
    public void An_inventory_that_cannot_be_read_is_left_to_the_run()
    {
        var playbookPath = Path.Combine(folder, "site.yaml");
        File.WriteAllText(playbookPath, "- hosts: web\n");
        var connections = new ConnectAhead(factory);

        var inventory = EarlyConnect.Start(connections, playbookPath, _ => throw new IOException("unreadable"), scalar => null, new RunOptions(), CancellationToken.None);

        Assert.Null(inventory);
        Assert.Empty(factory.Started);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private HostInventory? Start(string playbook, string inventory, out ConnectAhead connections)
    {
        var playbookPath = Path.Combine(folder, "site.yaml");
        var inventoryPath = Path.Combine(folder, "inventory.yaml");
        File.WriteAllText(playbookPath, playbook);
        File.WriteAllText(inventoryPath, inventory);
        connections = new ConnectAhead(factory);
        YamlValues.TagResolver tags = scalar =>
        {
            tagsAsked.Add(scalar.Tag ?? "");
            return null;
        };
        return EarlyConnect.Start(connections, playbookPath, resolver => InventoryLoader.Load([inventoryPath], folder, resolver), tags, new RunOptions { Forks = 2 }, CancellationToken.None);
    }

    private sealed class RecordingFactory : ITransportFactory
    {
        public List<string> Started { get; } = [];

        public int Disposed { get; set; }

        public ITransport Create(ConnectionSettings settings) => new EarlyTransport(this, settings.HostName);

        private sealed class EarlyTransport(RecordingFactory owner, string host) : ITransport, IConnectAhead
        {
            public string HostName => host;

            public void StartConnecting(CancellationToken cancellationToken) => owner.Started.Add(host);

            public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<byte[]?> FetchFileAsync(string path, BecomeOptions? become, CancellationToken cancellationToken) => throw new NotSupportedException();

            public ValueTask DisposeAsync()
            {
                owner.Disposed++;
                return ValueTask.CompletedTask;
            }
        }
    }
}
