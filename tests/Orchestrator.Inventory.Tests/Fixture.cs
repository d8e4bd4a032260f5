using Orchestrator.Core.Diagnostics;
using Orchestrator.Inventory;

namespace Orchestrator.Inventory.Tests;

internal static class Fixture
{
    public static readonly SourceLocation PlayLocation = new("site.yaml", 3, 10);

    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static HostInventory Load(params string[] parts) => InventoryLoader.Load([Path(parts)]);

    public static UserErrorException LoadFails(params string[] parts) =>
        Assert.Throws<UserErrorException>(() => InventoryLoader.Load([Path(parts)]));
}
