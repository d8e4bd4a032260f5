using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// A playbook full of secrets (vault values in vars, loops, failing tasks, templates and diffs; a become
/// password; no_log results) leaves no secret in any output channel: console at -vvv, logs (stderr),
/// diffs and the JSON report.
/// </summary>
public sealed class SecretChannelsTests : IDisposable
{
    private const string Password = "vault-pass-for-channels";
    private const string DbPassword = "db-pa55-7f3c9a";
    private const string ApiToken = "api-token-91b2e4";
    private const string BecomePassword = "become-pw-5d8e1f";
    private const string NoLogValue = "nolog-value-a1b2c3";
    private readonly VaultWorkspace vault = new(Password);

    private string workspace => vault.Folder;

    public void Dispose() => vault.Dispose();

    [Fact]
    public async Task No_channel_shows_a_secret_at_any_verbosity()
    {
        var passwordFile = vault.Write("vault-pass", Password);
        var inventory = vault.Write("inventory.yaml", $$$"""
            all:
              hosts:
                h1:
                  ansible_connection: local
                  ansible_become_password: {{{BecomePassword}}}
            """);
        vault.Write("app.conf.hbs", "user=app\npassword={{ db_password }}\ntoken={{ api_token }}\n");
        var playbook = vault.Write("site.yaml", $$$"""
            - hosts: all
              gather_facts: false
              vars:
                db_password: !vault |
            {{{vault.EncryptIndented(DbPassword, 6)}}}
                api_token: !vault |
            {{{vault.EncryptIndented(ApiToken, 6)}}}
              tasks:
                - name: a template holding secrets, shown with --diff
                  template:
                    src: app.conf.hbs
                    dest: "{{{workspace}}}/app.conf"
                - name: secrets as loop items
                  copy:
                    dest: "{{{workspace}}}/{{ item.name }}.txt"
                    content: "{{ item.value }}"
                  loop:
                    - { name: db, value: "{{ db_password }}" }
                    - { name: api, value: "{{ api_token }}" }
                - name: a secret in a command's output and its registered result
                  command: echo {{ db_password }} {{ ansible_become_password }}
                  register: echoed
                - name: a no_log loop
                  debug:
                    msg: "{{ item }}"
                  loop: ["{{{NoLogValue}}}", "{{ api_token }}"]
                  no_log: true
                - name: a failure whose message holds a secret
                  fail:
                    msg: "cannot log in with {{ db_password }} ({{ echoed.stdout }})"
                  ignore_errors: true
                - name: an assertion naming a secret
                  assert:
                    that: "api_token == 'wrong'"
                    fail_msg: "token {{ api_token }} rejected"
                  ignore_errors: true
            """);
        var report = Path.Combine(workspace, "report.json");

        var result = await CliRunner.RunAsync(
            "run", playbook, "-i", inventory, "--vault-password-file", passwordFile, "--diff", "-vvv", "--json-report", report);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"user=app\npassword={DbPassword}\ntoken={ApiToken}\n", File.ReadAllText(Path.Combine(workspace, "app.conf")));
        Assert.Equal(ApiToken, File.ReadAllText(Path.Combine(workspace, "api.txt")));
        Assert.Contains("********", result.Output, StringComparison.Ordinal);
        var channels = new Dictionary<string, string>
        {
            ["console"] = result.Output,
            ["stderr/log"] = result.Error,
            ["json report"] = File.ReadAllText(report),
        };
        foreach (var (channel, text) in channels)
        {
            foreach (var secret in new[] { DbPassword, ApiToken, BecomePassword, NoLogValue })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{channel} shows {secret}:\n{text}");
            }
        }
    }
}
