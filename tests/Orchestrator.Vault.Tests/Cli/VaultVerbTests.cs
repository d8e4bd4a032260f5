using System.Text;
using Orchestrator.Vault.Tests.Support;

namespace Orchestrator.Vault.Tests.Cli;

/// <summary>`orchestrate vault encrypt|decrypt|view` run as the built program.</summary>
public sealed class VaultVerbTests
{
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("db_password: s3crét ✓\n");

    [Fact]
    public async Task Encrypt_then_decrypt_in_place_keeps_the_mode_and_the_bytes()
    {
        using var folder = new TempFolder();
        var file = folder.Write("vars.yaml", Plaintext);
        File.SetUnixFileMode(file, (UnixFileMode)0b110_100_000);
        var password = folder.Write("pw", "hunter2\n");

        var encrypted = await Orchestrate.RunAsync("vault", "encrypt", file, "--vault-password-file", password);

        Assert.True(encrypted.ExitCode == 0, encrypted.ToString());
        Assert.Contains("Encryption successful", encrypted.StandardError, StringComparison.Ordinal);
        Assert.StartsWith("$ANSIBLE_VAULT;1.1;AES256\n", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(file));
        Assert.Equal(Plaintext, new VaultCipher().Decrypt(File.ReadAllText(file), "hunter2"));

        var decrypted = await Orchestrate.RunAsync("vault", "decrypt", file, "--vault-password-file", password);

        Assert.True(decrypted.ExitCode == 0, decrypted.ToString());
        Assert.Equal(Plaintext, File.ReadAllBytes(file));
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(file));
        Assert.Equal(["pw", "vars.yaml"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task View_prints_the_plaintext_and_leaves_the_file_alone()
    {
        using var folder = new TempFolder();
        var text = new VaultCipher().Encrypt(Plaintext, "hunter2");
        var file = folder.Write("vars.yaml", text);

        var result = await Orchestrate.RunAsync("vault", "view", file, "--vault-password-file", folder.Write("pw", "hunter2"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Plaintext, result.StandardOutput);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task The_password_file_can_come_from_the_environment()
    {
        using var folder = new TempFolder();
        var file = folder.Write("vars.yaml", new VaultCipher().Encrypt(Plaintext, "hunter2"));
        var environment = new Dictionary<string, string?> { ["ORCHESTRATE_VAULT_PASSWORD_FILE"] = folder.Write("pw", "hunter2\n") };

        var result = await Orchestrate.RunAsync(environment, "vault", "view", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Plaintext, result.StandardOutput);
    }

    [Fact]
    public async Task A_wrong_password_exits_4_with_a_clear_message_and_changes_nothing()
    {
        using var folder = new TempFolder();
        var text = new VaultCipher().Encrypt(Plaintext, "hunter2");
        var file = folder.Write("vars.yaml", text);

        var result = await Orchestrate.RunAsync("vault", "decrypt", file, "--vault-password-file", folder.Write("pw", "wrong"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Decryption failed (no vault secrets would decrypt)", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(file, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task No_password_anywhere_and_no_terminal_exits_5()
    {
        using var folder = new TempFolder();
        var file = folder.Write("vars.yaml", new VaultCipher().Encrypt(Plaintext, "hunter2"));

        var result = await Orchestrate.RunAsync("vault", "view", file);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("--vault-password-file", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Theory]
    [InlineData("decrypt", "plain", 4, "is not vault-encrypted")]
    [InlineData("view", "plain", 4, "is not vault-encrypted")]
    [InlineData("encrypt", "vault", 4, "is already vault-encrypted")]
    [InlineData("encrypt", "missing", 5, "no such file")]
    [InlineData("view", "missing", 5, "no such file")]
    public async Task Wrong_kinds_of_file_are_reported_before_any_password_is_needed(string verb, string kind, int exitCode, string message)
    {
        using var folder = new TempFolder();
        var file = kind == "missing" ? folder.File("nope.yaml")
            : folder.Write("vars.yaml", kind == "vault" ? new VaultCipher().Encrypt(Plaintext, "pw") : "a: 1\n");

        var result = await Orchestrate.RunAsync("vault", verb, file, "--vault-password-file", folder.File("no-such-password-file"));

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_password_file_exits_5()
    {
        using var folder = new TempFolder();
        var file = folder.Write("vars.yaml", "a: 1\n");

        var result = await Orchestrate.RunAsync("vault", "encrypt", file, "--vault-password-file", folder.File("nope"));

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("vault password file not found", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("a: 1\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task Encrypting_through_a_symlink_keeps_the_link_and_encrypts_its_target()
    {
        using var folder = new TempFolder();
        var target = folder.Write("real.yaml", Plaintext);
        var link = folder.File("link.yaml");
        File.CreateSymbolicLink(link, target);

        var result = await Orchestrate.RunAsync("vault", "encrypt", link, "--vault-password-file", folder.Write("pw", "hunter2"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(Plaintext, new VaultCipher().Decrypt(File.ReadAllText(target), "hunter2"));
    }

    [Fact]
    public async Task Files_the_verb_encrypts_open_with_ansible_vault()
    {
        using var folder = new TempFolder();
        var file = folder.Write("vars.yaml", Plaintext);
        var password = folder.Write("pw", "hunter2\n");

        var result = await Orchestrate.RunAsync("vault", "encrypt", file, "--vault-password-file", password);
        Assert.True(result.ExitCode == 0, result.ToString());

        var viewed = await AnsibleVault.RunAsync(folder, "view", "--vault-password-file", password, file);
        Assert.Equal(Plaintext, viewed.StandardOutput);
    }
}
