using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>Inline !vault values in the inventory, the playbook and -e are decrypted for the run and masked in every output.</summary>
public sealed class InlineVaultTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private const string PlaySecret = "s3cret-from-the-play";
    private const string HostSecret = "s3cret-from-the-inventory";
    private readonly VaultWorkspace vault = new(Password);

    private string workspace => vault.Folder;

    public void Dispose() => vault.Dispose();

    [Fact]
    public async Task Vault_values_reach_the_hosts_and_never_the_output()
    {
        var passwordFile = vault.Write("vault-pass", Password + "\n");
        var inventory = vault.Write("inventory.yaml", $$$"""
            all:
              hosts:
                h1:
                  ansible_connection: local
                  host_secret: !vault |
            {{{vault.EncryptIndented(HostSecret, 8)}}}
            """);
        var playbook = vault.Write("site.yaml", $$$"""
            - hosts: all
              gather_facts: false
              vars:
                play_secret: !vault |
            {{{vault.EncryptIndented(PlaySecret, 6)}}}
              tasks:
                - name: write both secrets
                  copy:
                    dest: "{{{workspace}}}/out.txt"
                    content: "{{ play_secret }} {{ host_secret }}"
                - name: show one
                  debug:
                    msg: "the secret is {{ play_secret }}"
            """);
        var report = Path.Combine(workspace, "report.json");

        var result = await CliRunner.RunAsync("run", playbook, "-i", inventory, "--vault-password-file", passwordFile, "--json-report", report, "-vvv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{PlaySecret} {HostSecret}", File.ReadAllText(Path.Combine(workspace, "out.txt")));
        Assert.Contains("the secret is ********", result.Output, StringComparison.Ordinal);
        foreach (var channel in new[] { result.Output, result.Error, File.ReadAllText(report) })
        {
            Assert.DoesNotContain(PlaySecret, channel, StringComparison.Ordinal);
            Assert.DoesNotContain(HostSecret, channel, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_vault_password_is_a_located_error_and_nothing_runs()
    {
        var passwordFile = vault.Write("vault-pass", "not the password\n");
        var playbook = vault.Write("site.yaml", $$$"""
            - hosts: localhost
              gather_facts: false
              vars:
                play_secret: !vault |
            {{{vault.EncryptIndented(PlaySecret, 6)}}}
              tasks:
                - debug:
                    msg: "{{ play_secret }}"
            """);

        var result = await CliRunner.RunAsync("run", playbook, "--vault-password-file", passwordFile);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("site.yaml:4:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TASK [", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whole_file_vaulted_group_vars_vars_files_and_extra_vars_decrypt()
    {
        var passwordFile = vault.Write("vault-pass", Password + "\n");
        vault.Write("group_vars/all.yaml", vault.Encrypt("group_secret: from-group-vars\n"));
        vault.Write("vaulted-vars.yaml", vault.Encrypt("file_secret: from-vars-files\n"));
        vault.Write("extra.yaml", vault.Encrypt("extra_secret: from-extra-vars\n"));
        var inventory = vault.Write("inventory.yaml", "all:\n  hosts:\n    h1: { ansible_connection: local }\n");
        var playbook = vault.Write("site.yaml", $$$"""
            - hosts: all
              gather_facts: false
              vars_files: [vaulted-vars.yaml]
              tasks:
                - copy:
                    dest: "{{{workspace}}}/out.txt"
                    content: "{{ group_secret }} {{ file_secret }} {{ extra_secret }}"
                - debug:
                    msg: "{{ file_secret }}"
            """);

        var result = await CliRunner.RunAsync(
            "run", playbook, "-i", inventory, "-e", "@" + Path.Combine(workspace, "extra.yaml"), "--vault-password-file", passwordFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("from-group-vars from-vars-files from-extra-vars", File.ReadAllText(Path.Combine(workspace, "out.txt")));
        Assert.DoesNotContain("from-vars-files", result.Output, StringComparison.Ordinal);

        var withoutPassword = await CliRunner.RunAsync("run", playbook, "-i", inventory);
        Assert.NotEqual(0, withoutPassword.ExitCode);
        Assert.Contains("vault", withoutPassword.Error, StringComparison.OrdinalIgnoreCase);
    }
}
