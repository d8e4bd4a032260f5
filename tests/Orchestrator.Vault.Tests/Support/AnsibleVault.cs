using Orchestrator.Tests.Shared;

namespace Orchestrator.Vault.Tests.Support;

/// <summary>
/// Debian's <c>ansible-vault</c> (package ansible-core, installed by .ci/install-deps.sh). Missing is a
/// failure, never a skip: interoperability is the point of this project.
/// </summary>
internal static class AnsibleVault
{
    public static string Program()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var candidate = Path.Combine(folder, "ansible-vault");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("ansible-vault is not installed: run .ci/install-deps.sh (apt-get install ansible-core)");
        return "";
    }

    public static async Task<ProcessResult> RunAsync(TempFolder folder, params string[] arguments)
    {
        // An empty config of its own: no user ansible.cfg or vault settings may change what is tested.
        var config = folder.Write("ansible.cfg", "");
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ANSIBLE_CONFIG"] = config,
            ["ANSIBLE_VAULT_PASSWORD_FILE"] = null,
            ["ANSIBLE_VAULT_IDENTITY_LIST"] = null,
            ["ANSIBLE_NOCOLOR"] = "1",
            ["ANSIBLE_LOCAL_TEMP"] = folder.Path,
        };
        var result = await ProcessRunner.RunAsync(Program(), arguments, environment);
        Assert.True(result.ExitCode == 0, $"ansible-vault {string.Join(' ', arguments)} failed: {result}");
        return result;
    }
}
