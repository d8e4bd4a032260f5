using Orchestrator.Modules.Tests.Support;

namespace Orchestrator.Modules.Tests.Apt;

/// <summary>What apt_key uploads: the binary keyring, world-readable, holding only the requested key.</summary>
public sealed class AptKeyUploadTests
{
    private const string Real = "F474047A32E97987D7DFBFF79F945909A3FEAEA2";

    [Fact]
    public async Task The_keyring_is_the_binary_key_with_mode_0644()
    {
        var host = new FakeHost { OnSnippet = _ => "" };
        host.Files["/etc/apt/keyrings"] = FakeEntry.Directory();
        var module = ModuleRegistry.CreateDefault().FindModule("apt_key")!;

        var result = await ModuleRunner.RunAsync(module, host, ModuleRunner.Args("id", Real, "data", Text("real.asc"), "keyring", "/etc/apt/keyrings/orch.gpg"));

        Assert.True(result.Changed, result.Message);
        var upload = Assert.Single(host.Uploads);
        Assert.Equal("/etc/apt/keyrings/orch.gpg", upload.Path);
        Assert.Equal("0644", upload.Mode);
        Assert.Equal(Bytes("real.gpg"), upload.Content);
    }

    [Fact]
    public async Task Other_keys_in_the_download_are_left_out()
    {
        var host = new FakeHost
        {
            OnSnippet = _ => "",
            OnCommand = _ => new Orchestrator.Core.Transport.CommandResult(0, [.. Bytes("impostor.asc"), .. Bytes("real.asc")], []),
        };
        host.Files["/etc/apt/keyrings"] = FakeEntry.Directory();
        var module = ModuleRegistry.CreateDefault().FindModule("apt_key")!;

        var result = await ModuleRunner.RunAsync(module, host, ModuleRunner.Args("id", Real, "url", "http://aptrepo:8080/keys.asc"));

        Assert.True(result.Changed, result.Message);
        Assert.Equal(Bytes("real.gpg"), Assert.Single(host.Uploads).Content);
    }

    private static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "keys", name));

    private static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "keys", name));
}
