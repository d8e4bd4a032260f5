using System.Collections.Concurrent;
using System.Text;
using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Secrets;

namespace Orchestrator.Vault.Tests.Decryption;

public sealed class VaultDecryptorTests
{
    private static readonly SourceLocation Here = new("vars.yaml", 3, 7);
    private readonly VaultCipher cipher = new();

    [Fact]
    public void Each_distinct_ciphertext_is_decrypted_once_even_from_many_threads()
    {
        var one = cipher.Encrypt(Encoding.UTF8.GetBytes("first secret"), "pw");
        var two = cipher.Encrypt(Encoding.UTF8.GetBytes("second secret"), "pw");
        var asked = 0;
        var decryptor = new VaultDecryptor(() => { Interlocked.Increment(ref asked); return VaultSecret.FromText("pw"); });

        var values = new ConcurrentBag<string>();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            values.Add(decryptor.DecryptValue(i % 2 == 0 ? one : "   " + two.Replace("\n", "\n    ", StringComparison.Ordinal), Here).Reveal()));

        Assert.Equal(2, decryptor.DecryptionCount);
        Assert.Equal(1, asked);
        Assert.Equal(20, values.Count(v => v == "first secret"));
        Assert.Equal(20, values.Count(v => v == "second secret"));
    }

    [Fact]
    public void Decrypted_values_and_their_lines_are_registered_with_the_masker_once()
    {
        var masker = new SecretMasker();
        var registered = new ConcurrentBag<string>();
        var decryptor = new VaultDecryptor(VaultSecret.FromText("pw"), s => { registered.Add(s); masker.Register(s); });
        var text = cipher.Encrypt(Encoding.UTF8.GetBytes("-----BEGIN KEY-----\nAAAAsecret\n-----END KEY-----\n"), "pw");

        decryptor.DecryptValue(text, Here);
        decryptor.DecryptValue(text, Here);

        Assert.Equal("key: ********", masker.Apply("key: AAAAsecret"));
        Assert.Equal(registered.Distinct().Count(), registered.Count);
        Assert.Contains("-----BEGIN KEY-----\nAAAAsecret\n-----END KEY-----\n", registered);
    }

    [Fact]
    public void A_vaulted_value_prints_as_the_mask()
    {
        var value = new VaultDecryptor(VaultSecret.FromText("pw")).DecryptValue(cipher.Encrypt("hunter2"u8.ToArray(), "pw"), Here);

        Assert.Equal("********", value.ToString());
        Assert.Equal("********", $"{value}");
        Assert.Equal("hunter2", value.Reveal());
        Assert.Equal(Here, value.Location);
    }

    [Fact]
    public void A_wrong_password_is_a_located_error_exit_4()
    {
        var decryptor = new VaultDecryptor(VaultSecret.FromText("wrong"));

        var error = Assert.Throws<UserErrorException>(() => decryptor.DecryptValue(cipher.Encrypt("x"u8.ToArray(), "right"), Here));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Equal(Here, error.Diagnostics[0].Location);
        Assert.StartsWith("Decryption failed (no vault secrets would decrypt)", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_password_is_asked_for_until_vault_data_is_met_and_none_available_exits_5_at_the_value()
    {
        var asked = 0;
        var decryptor = new VaultDecryptor(() =>
        {
            asked++;
            throw new UserErrorException(SourceLocation.None, "no vault password: give --vault-password-file FILE", ExitCodes.BadOptions);
        });
        Assert.Equal("plain: text\n", decryptor.DecryptFileText("plain: text\n", "vars.yaml"));
        Assert.Equal(0, asked);

        var error = Assert.Throws<UserErrorException>(() => decryptor.DecryptValue(cipher.Encrypt("x"u8.ToArray(), "pw"), Here));

        Assert.Equal(ExitCodes.BadOptions, error.ExitCode);
        Assert.Equal(Here, error.Diagnostics[0].Location);
        Assert.Contains(error.Diagnostics, d => d.Message.StartsWith("no vault password", StringComparison.Ordinal));
        Assert.Equal(1, asked);
    }

    [Fact]
    public void Malformed_vault_data_is_reported_without_asking_for_a_password()
    {
        var decryptor = new VaultDecryptor(() => throw new InvalidOperationException("must not be asked"));

        var error = Assert.Throws<UserErrorException>(() => decryptor.DecryptValue("$ANSIBLE_VAULT;1.1;AES256\nnot hex\n", Here));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.StartsWith("invalid vault data", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vault_tagged_value_that_is_not_vault_text_is_an_error()
    {
        var decryptor = new VaultDecryptor(VaultSecret.FromText("pw"));

        var error = Assert.Throws<UserErrorException>(() => decryptor.DecryptValue("hunter2", Here));

        Assert.Equal(Here, error.Diagnostics[0].Location);
        Assert.Contains("$ANSIBLE_VAULT", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_plaintext_in_a_value_is_an_error_not_mojibake()
    {
        var decryptor = new VaultDecryptor(VaultSecret.FromText("pw"));

        var error = Assert.Throws<UserErrorException>(() => decryptor.DecryptValue(cipher.Encrypt([0xff, 0xfe, 0x80], "pw"), Here));

        Assert.Contains("not UTF-8", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
