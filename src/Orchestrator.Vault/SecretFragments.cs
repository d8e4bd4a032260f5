using Orchestrator.Core.Yaml;

namespace Orchestrator.Vault;

/// <summary>What to register with the secret masker for one decrypted value or vaulted vars file.</summary>
internal static class SecretFragments
{
    /// <summary>The value, and each line of a multi-line value (output is often printed line by line).</summary>
    public static IEnumerable<string> Of(string value)
    {
        yield return value;
        if (!value.Contains('\n', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var line in value.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Trim().Length > 0)
            {
                yield return trimmed;
            }
        }
    }

    /// <summary>
    /// Every string value in a decrypted vars file. Booleans, numbers and null are left out: masking every
    /// "true" or "22" in the output would hide more than it protects.
    /// </summary>
    public static IEnumerable<string> OfTree(YNode node) => node switch
    {
        YScalar scalar when scalar.ToPlain() is string text => Of(text),
        YSequence sequence => sequence.Items.SelectMany(OfTree),
        YMapping mapping => mapping.Entries.SelectMany(e => OfTree(e.Value)),
        _ => [],
    };
}
