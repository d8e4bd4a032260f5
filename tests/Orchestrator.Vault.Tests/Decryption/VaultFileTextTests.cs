using System.Text;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Secrets;
using Orchestrator.Core.Yaml;
using Orchestrator.Vault.Tests.Support;

namespace Orchestrator.Vault.Tests.Decryption;

public sealed class VaultFileTextTests
{
    [Fact]
    public void A_whole_file_vaulted_vars_file_loads_as_yaml_and_its_strings_are_masked()
    {
        var masker = new SecretMasker();
        var decryptor = new VaultDecryptor(VaultSecret.FromText(Fixture.Password), masker.Register);

        var root = Assert.IsType<YMapping>(decryptor.LoadYamlSingle(Fixture.Path("group_vars_all.vault"), "group_vars/all.yaml"));

        var variables = YamlValues.ToDictionary(root);
        Assert.Equal("s3crét", variables["db_password"]);
        Assert.Equal(5432L, variables["port"]);
        Assert.Equal("******** ******** ********", masker.Apply("s3crét tok-123456 admin"));
        Assert.Equal("group_vars/all.yaml", root.Location.File);
        Assert.Equal("port 5432 true", masker.Apply("port 5432 true"));
    }

    [Fact]
    public void A_plain_file_passes_through_unchanged()
    {
        var decryptor = new VaultDecryptor(() => throw new InvalidOperationException("no password needed"));
        using var folder = new TempFolder();
        var path = folder.Write("vars.yaml", "a: 1\n");

        var root = Assert.IsType<YMapping>(decryptor.LoadYamlSingle(path));

        Assert.Equal(1L, YamlValues.ToDictionary(root)["a"]);
        Assert.Equal(0, decryptor.DecryptionCount);
    }

    [Fact]
    public void A_wrong_password_names_the_file_at_its_header()
    {
        var decryptor = new VaultDecryptor(VaultSecret.FromText("not the password"));

        var error = Assert.Throws<UserErrorException>(() => decryptor.DecryptFileText(Fixture.Text("group_vars_all.vault"), "group_vars/all.yaml"));

        Assert.Equal(new SourceLocation("group_vars/all.yaml", 1, 1), error.Diagnostics[0].Location);
        Assert.Contains("Decryption failed", DiagnosticFormatter.Format(error.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_file_read_for_many_hosts_is_decrypted_once()
    {
        var decryptor = new VaultDecryptor(VaultSecret.FromText("pw"));
        var text = new VaultCipher().Encrypt(Encoding.UTF8.GetBytes("x: 1\n"), "pw");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("x: 1\n", decryptor.DecryptFileText(text, "vars.yaml"));
        }

        Assert.Equal(1, decryptor.DecryptionCount);
    }
}
