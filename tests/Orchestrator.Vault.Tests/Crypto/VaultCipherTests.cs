using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Vault.Tests.Crypto;

public sealed class VaultCipherTests
{
    private readonly VaultCipher cipher = new();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(4096)]
    public void Round_trips_any_bytes(int length)
    {
        var plaintext = RandomNumberGenerator.GetBytes(length);

        var text = cipher.Encrypt(plaintext, "pw");

        Assert.Equal(plaintext, cipher.Decrypt(text, "pw"));
    }

    [Fact]
    public void Round_trips_non_ascii_text_and_a_non_ascii_password()
    {
        var plaintext = Encoding.UTF8.GetBytes("pässwörd: ✓ 秘密\r\n\ttab\0nul");

        Assert.Equal(plaintext, cipher.Decrypt(cipher.Encrypt(plaintext, "Ünïcødé ✓"), "Ünïcødé ✓"));
    }

    [Fact]
    public void Each_encryption_uses_a_fresh_salt()
    {
        var plaintext = Encoding.ASCII.GetBytes("same");

        Assert.NotEqual(cipher.Encrypt(plaintext, "pw"), cipher.Encrypt(plaintext, "pw"));
    }

    [Fact]
    public void A_wrong_password_is_a_clear_error_never_garbage()
    {
        var text = cipher.Encrypt(Encoding.ASCII.GetBytes("secret"), "right");

        var error = Assert.Throws<VaultException>(() => cipher.Decrypt(text, "wrong"));

        Assert.Equal(VaultErrorKind.WrongPassword, error.Kind);
        Assert.StartsWith("Decryption failed (no vault secrets would decrypt)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hmac")]
    [InlineData("ciphertext")]
    [InlineData("salt")]
    public void Any_changed_byte_fails_authentication(string part)
    {
        var text = cipher.Encrypt(Encoding.ASCII.GetBytes("secret value"), "pw");
        var payload = VaultPayload.Parse(VaultEnvelope.Parse(text).PayloadHex);
        var bytes = part switch { "hmac" => payload.Hmac, "salt" => payload.Salt, _ => payload.Ciphertext };
        bytes[^1] ^= 0x01;
        var tampered = VaultEnvelope.Create(null, payload.ToHex()).Format();

        var error = Assert.Throws<VaultException>(() => cipher.Decrypt(tampered, "pw"));

        Assert.Equal(VaultErrorKind.WrongPassword, error.Kind);
    }

    [Fact]
    public void Lines_are_wrapped_at_80_columns_and_the_text_ends_with_a_newline()
    {
        var text = cipher.Encrypt(new byte[500], "pw");

        var lines = text.Split('\n');
        Assert.Equal("$ANSIBLE_VAULT;1.1;AES256", lines[0]);
        Assert.Equal("", lines[^1]);
        var payload = lines[1..^1];
        Assert.True(payload.Length > 2);
        Assert.All(payload[..^1], l => Assert.Equal(80, l.Length));
        Assert.InRange(payload[^1].Length, 1, 80);
    }

    [Fact]
    public void Decrypts_text_that_was_indented_or_has_crlf_line_ends()
    {
        var text = cipher.Encrypt(Encoding.ASCII.GetBytes("x"), "pw");
        var mangled = string.Join("\r\n", text.Split('\n').Select((l, i) => i == 0 ? l : "      " + l));

        Assert.Equal("x"u8.ToArray(), cipher.Decrypt(mangled, "pw"));
    }

    [Theory]
    [InlineData("default", "$ANSIBLE_VAULT;1.1;AES256\n")]
    [InlineData(null, "$ANSIBLE_VAULT;1.1;AES256\n")]
    [InlineData("dev", "$ANSIBLE_VAULT;1.2;AES256;dev\n")]
    public void Format_1_2_only_with_a_label_other_than_default(string? label, string header)
    {
        Assert.StartsWith(header, cipher.Encrypt([1, 2, 3], "pw", label), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a;b")]
    [InlineData("a b")]
    [InlineData("a\nb")]
    public void Rejects_labels_that_would_break_the_header(string label)
    {
        Assert.Throws<ArgumentException>(() => cipher.Encrypt([1], "pw", label));
    }

    [Theory]
    [InlineData("plain: yaml\n", VaultErrorKind.Malformed)]
    [InlineData("$ANSIBLE_VAULT;1.1\n3031\n", VaultErrorKind.Malformed)]
    [InlineData("$ANSIBLE_VAULT;1.0;AES\n3031\n", VaultErrorKind.Unsupported)]
    [InlineData("$ANSIBLE_VAULT;1.1;AES\n3031\n", VaultErrorKind.Unsupported)]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n", VaultErrorKind.Malformed)]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\nzz\n", VaultErrorKind.Malformed)]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n30310a3332\n", VaultErrorKind.Malformed)]
    public void Malformed_or_unsupported_text_is_reported_as_such(string text, VaultErrorKind kind)
    {
        var error = Assert.Throws<VaultException>(() => cipher.Decrypt(text, "pw"));

        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public void Vault_text_is_recognised_by_its_header_at_the_very_start()
    {
        Assert.True(VaultCipher.IsVaultText("$ANSIBLE_VAULT;1.1;AES256\n00"));
        Assert.False(VaultCipher.IsVaultText(" $ANSIBLE_VAULT;1.1;AES256"));
        Assert.False(VaultCipher.IsVaultText("key: value"));
        Assert.False(VaultCipher.IsVaultText(null));
        Assert.True(VaultCipher.IsVaultData("$ANSIBLE_VAULT;1.1"u8));
    }

    [Fact]
    public void A_secret_never_prints_its_password()
    {
        Assert.DoesNotContain("hunter2", VaultSecret.FromText("hunter2").ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => VaultSecret.FromText(""));
    }
}
