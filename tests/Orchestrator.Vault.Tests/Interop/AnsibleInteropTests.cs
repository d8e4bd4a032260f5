using System.Text;
using Orchestrator.Core.Secrets;
using Orchestrator.Core.Yaml;
using Orchestrator.Vault.Tests.Support;

namespace Orchestrator.Vault.Tests.Interop;

/// <summary>Both directions against Debian's ansible-vault: files and inline values must be interchangeable.</summary>
public sealed class AnsibleInteropTests
{
    private const string Password = "correct horse ✓";

    /// <summary>Non-ASCII text, then every byte value (binary), then CRLF and no final newline.</summary>
    public static TheoryData<string> Contents => new() { "text", "binary", "empty-ish" };

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Files_ansible_vault_encrypts_decrypt_here_byte_exact(string kind)
    {
        using var folder = new TempFolder();
        var plaintext = Content(kind);
        var file = folder.Write("secret.bin", plaintext);

        await AnsibleVault.RunAsync(folder, "encrypt", "--vault-password-file", PasswordFile(folder), file);

        var text = File.ReadAllText(file);
        Assert.StartsWith("$ANSIBLE_VAULT;1.1;AES256\n", text, StringComparison.Ordinal);
        Assert.Equal(plaintext, new VaultCipher().Decrypt(text, VaultPasswordFile.Read(PasswordFile(folder))));
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Files_encrypted_here_decrypt_and_view_with_ansible_vault(string kind)
    {
        using var folder = new TempFolder();
        var plaintext = Content(kind);
        var file = folder.Write("secret.vault", new VaultCipher().Encrypt(plaintext, Password));

        var viewed = await AnsibleVault.RunAsync(folder, "view", "--vault-password-file", PasswordFile(folder), file);
        await AnsibleVault.RunAsync(folder, "decrypt", "--vault-password-file", PasswordFile(folder), file);

        Assert.Equal(plaintext, File.ReadAllBytes(file));
        if (kind == "text")
        {
            Assert.Equal(Encoding.UTF8.GetString(plaintext), viewed.Output);
        }
    }

    [Fact]
    public async Task A_1_2_label_written_here_is_read_by_ansible_vault_id_and_back()
    {
        using var folder = new TempFolder();
        var ours = folder.Write("ours.vault", new VaultCipher().Encrypt(Encoding.UTF8.GetBytes("labelled\n"), Password, "prod"));
        var theirs = folder.Write("theirs.txt", "theirs\n");

        await AnsibleVault.RunAsync(folder, "decrypt", "--vault-id", $"prod@{PasswordFile(folder)}", ours);
        await AnsibleVault.RunAsync(folder, "encrypt", "--vault-id", $"stage@{PasswordFile(folder)}", theirs);

        Assert.Equal("labelled\n", File.ReadAllText(ours));
        var text = File.ReadAllText(theirs);
        Assert.StartsWith("$ANSIBLE_VAULT;1.2;AES256;stage\n", text, StringComparison.Ordinal);
        Assert.Equal("stage", VaultCipher.LabelOf(text));
        Assert.Equal("theirs\n"u8.ToArray(), new VaultCipher().Decrypt(text, Password));
    }

    [Fact]
    public async Task An_encrypt_string_value_resolves_through_the_tag_resolver()
    {
        using var folder = new TempFolder();
        const string Secret = "pä$$ wörd: {{ not a template }}";

        var encrypted = await AnsibleVault.RunAsync(
            folder,
            "encrypt_string", "--vault-password-file", PasswordFile(folder), "--name", "db_password", Secret);

        var yaml = "db_user: app\n" + encrypted.Output;
        Assert.Contains("db_password: !vault |", yaml, StringComparison.Ordinal);
        var masker = new SecretMasker();
        var resolver = VaultTagResolver.Create(new VaultDecryptor(VaultPasswordFile.Read(PasswordFile(folder)), masker.Register));
        var variables = YamlValues.ToDictionary((YMapping)YamlLoader.Parse(yaml, "vars.yaml")[0], resolver);
        Assert.Equal(Secret, variables["db_password"]);
        Assert.Equal("app", variables["db_user"]);
        Assert.Equal("pw is ********", masker.Apply($"pw is {Secret}"));
    }

    private static string PasswordFile(TempFolder folder)
    {
        var path = folder.File("vault-password");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Password + "\n");
        }

        return path;
    }

    private static byte[] Content(string kind) => kind switch
    {
        "text" => Encoding.UTF8.GetBytes("db_password: s3crét ✓ 秘密\nlist:\n  - ünïcödé\n"),
        "binary" => [.. Enumerable.Range(0, 256).Select(i => (byte)i), .. Enumerable.Range(0, 256).Select(i => (byte)(255 - i))],
        _ => Encoding.UTF8.GetBytes("a\r\nb"),
    };
}
