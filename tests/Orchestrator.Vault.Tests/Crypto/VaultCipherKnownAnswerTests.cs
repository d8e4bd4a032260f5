using System.Text;
using Orchestrator.Vault.Tests.Support;

namespace Orchestrator.Vault.Tests.Crypto;

/// <summary>The fixtures were written by ansible-core's own VaultLib with the fixed salt 0..31.</summary>
public sealed class VaultCipherKnownAnswerTests
{
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("Hello, vault!\n");

    [Fact]
    public void Encrypting_with_ansibles_salt_gives_ansibles_text_byte_for_byte()
    {
        var cipher = new VaultCipher(_ => Fixture.Salt);

        Assert.Equal(Fixture.Text("kat-1.1.vault"), cipher.Encrypt(Plaintext, Fixture.Password));
    }

    [Fact]
    public void A_label_gives_format_1_2_exactly_as_ansible_writes_it()
    {
        var cipher = new VaultCipher(_ => Fixture.Salt);

        var text = cipher.Encrypt(Plaintext, Fixture.Password, "prod");

        Assert.Equal(Fixture.Text("kat-1.2-prod.vault"), text);
        Assert.StartsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kat-1.1.vault")]
    [InlineData("kat-1.2-prod.vault")]
    public void Decrypts_ansibles_known_answers(string fixture)
    {
        Assert.Equal(Plaintext, new VaultCipher().Decrypt(Fixture.Text(fixture), Fixture.Password));
    }

    [Fact]
    public void Decrypts_a_file_ansible_vault_encrypted_with_a_random_salt()
    {
        var text = new VaultCipher().DecryptText(Fixture.Text("group_vars_all.vault"), VaultSecret.FromText(Fixture.Password));

        Assert.Equal("db_password: s3crét\nport: 5432\nusers:\n  - name: admin\n    token: tok-123456\n", text);
    }

    [Fact]
    public void The_label_of_1_2_text_is_read_and_1_1_has_none()
    {
        Assert.Equal("prod", VaultCipher.LabelOf(Fixture.Text("kat-1.2-prod.vault")));
        Assert.Null(VaultCipher.LabelOf(Fixture.Text("kat-1.1.vault")));
    }
}
