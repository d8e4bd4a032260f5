using Orchestrator.Core.Yaml;

namespace Orchestrator.Vault;

/// <summary>
/// The <see cref="YamlValues.TagResolver"/> for inline vault values (<c>key: !vault |</c> followed by vault
/// text, as <c>ansible-vault encrypt_string</c> writes them): the decrypted plaintext string, registered as a
/// secret through the decryptor. Errors point at the scalar.
/// </summary>
public static class VaultTagResolver
{
    /// <summary>The tags Ansible's YAML loader reads as vault values.</summary>
    public static readonly IReadOnlySet<string> Tags = new HashSet<string>(StringComparer.Ordinal) { "!vault", "!vault-encrypted" };

    /// <param name="next">Resolves any other tag; without it other tags fall back to their plain value.</param>
    public static YamlValues.TagResolver Create(VaultDecryptor decryptor, YamlValues.TagResolver? next = null)
    {
        ArgumentNullException.ThrowIfNull(decryptor);
        return scalar => scalar.Tag switch
        {
            YamlLoader.VaultFileTag => decryptor.DecryptFileText(scalar.Value, scalar.Location.File),
            { } tag when Tags.Contains(tag) => decryptor.DecryptValue(scalar.Value, scalar.Location).Reveal(),
            _ => next?.Invoke(scalar),
        };
    }

    /// <summary>
    /// For output that shows variables rather than using them (<c>orchestrate inventory --list/--host</c>):
    /// the value is decrypted (so a wrong password is still reported) but resolves to a
    /// <see cref="VaultedValue"/>, which prints as <c>********</c>.
    /// </summary>
    public static YamlValues.TagResolver CreateMasked(VaultDecryptor decryptor, YamlValues.TagResolver? next = null)
    {
        ArgumentNullException.ThrowIfNull(decryptor);
        return scalar => scalar.Tag switch
        {
            YamlLoader.VaultFileTag => decryptor.DecryptFileText(scalar.Value, scalar.Location.File),
            { } tag when Tags.Contains(tag) => decryptor.DecryptValue(scalar.Value, scalar.Location),
            _ => next?.Invoke(scalar),
        };
    }
}
