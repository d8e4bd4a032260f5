using System.Text;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Secrets;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Vault.Tests.Decryption;

public sealed class VaultTagResolverTests
{
    [Fact]
    public void An_inline_vault_value_resolves_to_its_plaintext_string_and_is_masked()
    {
        var masker = new SecretMasker();
        var resolver = VaultTagResolver.Create(new VaultDecryptor(VaultSecret.FromText("pw"), masker.Register));
        var yaml = $"user: admin\npassword: !vault |\n{Indent(new VaultCipher().Encrypt(Encoding.UTF8.GetBytes("s3crét"), "pw"))}port: 22\n";

        var variables = YamlValues.ToDictionary((YMapping)YamlLoader.Parse(yaml, "vars.yaml")[0], resolver);

        Assert.Equal("s3crét", variables["password"]);
        Assert.Equal("admin", variables["user"]);
        Assert.Equal(22L, variables["port"]);
        Assert.Equal("password=********", masker.Apply("password=s3crét"));
    }

    [Fact]
    public void Other_tags_go_to_the_next_resolver_or_fall_back_to_their_plain_value()
    {
        var plain = VaultTagResolver.Create(new VaultDecryptor(VaultSecret.FromText("pw")));
        var chained = VaultTagResolver.Create(new VaultDecryptor(VaultSecret.FromText("pw")), s => s.Tag == "!upper" ? s.Value.ToUpperInvariant() : null);
        var node = (YMapping)YamlLoader.Parse("a: !upper text\n", "x.yaml")[0];

        Assert.Equal("text", YamlValues.ToDictionary(node, plain)["a"]);
        Assert.Equal("TEXT", YamlValues.ToDictionary(node, chained)["a"]);
    }

    [Fact]
    public void The_masked_resolver_gives_a_value_that_prints_as_the_mask()
    {
        var resolver = VaultTagResolver.CreateMasked(new VaultDecryptor(VaultSecret.FromText("pw")));
        var yaml = $"password: !vault |\n{Indent(new VaultCipher().Encrypt("hunter2"u8.ToArray(), "pw"))}";

        var value = YamlValues.ToDictionary((YMapping)YamlLoader.Parse(yaml, "vars.yaml")[0], resolver)["password"];

        var vaulted = Assert.IsType<VaultedValue>(value);
        Assert.Equal("********", vaulted.ToString());
        Assert.Equal("hunter2", vaulted.Reveal());
    }

    [Fact]
    public void A_wrong_password_points_at_the_scalar()
    {
        var resolver = VaultTagResolver.Create(new VaultDecryptor(VaultSecret.FromText("wrong")));
        var yaml = $"a: 1\nb: !vault |\n{Indent(new VaultCipher().Encrypt("x"u8.ToArray(), "pw"))}";

        var error = Assert.Throws<UserErrorException>(() => YamlValues.ToDictionary((YMapping)YamlLoader.Parse(yaml, "vars.yaml")[0], resolver));

        Assert.Equal("vars.yaml", error.Diagnostics[0].Location.File);
        Assert.Equal(2, error.Diagnostics[0].Location.Line);
    }

    private static string Indent(string vaultText) =>
        string.Concat(vaultText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l + "\n"));
}
