using System.Text;
using Orchestrator.Vault.Tests.Support;

namespace Orchestrator.Vault.Tests.Cli;

/// <summary>`orchestrate vault edit` with $EDITOR set to a script that records what it saw.</summary>
public sealed class VaultEditTests
{
    [Fact]
    public async Task Edit_re_encrypts_changes_in_a_private_temp_file_that_is_removed_and_keeps_the_label()
    {
        using var folder = new TempFolder();
        var file = folder.Write("vars.yaml", new VaultCipher().Encrypt("a: 1\n"u8.ToArray(), "hunter2", "prod"));
        var record = folder.File("record");
        var editor = folder.Script("editor.sh", $"""
            stat -c '%a' "$1" > {record}
            stat -c '%a' "$(dirname "$1")" >> {record}
            echo "$1" >> {record}
            printf 'b: 2\n' >> "$1"
            """);

        var result = await Orchestrate.RunAsync(Editor(editor), "vault", "edit", file, "--vault-password-file", folder.Write("pw", "hunter2"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var seen = File.ReadAllLines(record);
        Assert.Equal("600", seen[0]);
        Assert.Equal("700", seen[1]);
        Assert.Equal("vars.yaml", Path.GetFileName(seen[2]));
        Assert.False(File.Exists(seen[2]), "the decrypted temp file must be removed");
        Assert.False(Directory.Exists(Path.GetDirectoryName(seen[2])), "the private temp folder must be removed");
        var text = File.ReadAllText(file);
        Assert.StartsWith("$ANSIBLE_VAULT;1.2;AES256;prod\n", text, StringComparison.Ordinal);
        Assert.Equal("a: 1\nb: 2\n", Encoding.UTF8.GetString(new VaultCipher().Decrypt(text, "hunter2")));
    }

    [Fact]
    public async Task An_unchanged_file_is_not_rewritten()
    {
        using var folder = new TempFolder();
        var text = new VaultCipher().Encrypt("a: 1\n"u8.ToArray(), "hunter2");
        var file = folder.Write("vars.yaml", text);
        var editor = folder.Script("editor.sh", "true");

        var result = await Orchestrate.RunAsync(Editor(editor), "vault", "edit", file, "--vault-password-file", folder.Write("pw", "hunter2"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("unchanged", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task A_failing_editor_exits_1_leaves_the_file_and_still_removes_the_temp_file()
    {
        using var folder = new TempFolder();
        var text = new VaultCipher().Encrypt("a: 1\n"u8.ToArray(), "hunter2");
        var file = folder.Write("vars.yaml", text);
        var record = folder.File("record");
        var editor = folder.Script("editor.sh", $"echo \"$1\" > {record}; printf 'junk' >> \"$1\"; exit 7");

        var result = await Orchestrate.RunAsync(Editor(editor), "vault", "edit", file, "--vault-password-file", folder.Write("pw", "hunter2"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("exited with code 7", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(file));
        Assert.False(File.Exists(File.ReadAllText(record).Trim()));
    }

    private static Dictionary<string, string?> Editor(string script) => new() { ["EDITOR"] = script };
}
