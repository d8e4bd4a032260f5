namespace Orchestrator.Modules.Apt;

/// <summary>The keyring file apt_key manages and the keys it holds now.</summary>
internal sealed record KeyringTarget(string Path, IReadOnlyList<OpenPgpKey> Keys, bool Exists, bool DirectoryExists)
{
    public bool Has(string fingerprint) => Keys.Any(k => k.Fingerprint == fingerprint);

    /// <summary>The result for the keyring holding <paramref name="after"/>: fingerprints as data, a listing diff when asked.</summary>
    public ModuleResult Result(IReadOnlyList<OpenPgpKey> after, bool diff = false) => new()
    {
        Data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["keyring"] = Path,
            ["fingerprints"] = after.Select(k => (object?)k.Fingerprint).ToList(),
        },
        Diff = diff ? new FileDiff(Path, Listing(Exists ? Keys : null), Listing(after.Count == 0 ? null : after)) : null,
    };

    private static string Listing(IReadOnlyList<OpenPgpKey>? keys) =>
        keys is null ? "" : string.Concat(keys.Select(k => k + "\n"));
}
