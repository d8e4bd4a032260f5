namespace Orchestrator.IntegrationTests.Modules;

/// <summary>The outputs of tests/hostkit/aptrepo (aptrepo.env): where the lab's repository is and what signs it.</summary>
internal sealed record AptRepo(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Base URL as the lab hosts see it, e.g. http://aptrepo:8080/debian.</summary>
    public string Url => Values["APTREPO_URL"];

    public string Suite => Values["APTREPO_SUITE"];

    public string Fingerprint => Values["APTREPO_FINGERPRINT"];

    public string LyingFingerprint => Values["APTREPO_LYING_FINGERPRINT"];

    public string KeyUrl => Values["APTREPO_KEY_URL"];

    public string Keyserver => Values["APTREPO_KEYSERVER"];

    /// <summary>http://aptrepo:8080/impostor.asc: a key with another fingerprint.</summary>
    public string ImpostorUrl => KeyUrl.Replace("/key.asc", "/impostor.asc", StringComparison.Ordinal);

    /// <summary>The armored public key on the controller.</summary>
    public string ArmoredKey => File.ReadAllText(Values["APTREPO_KEY_ASC"]);

    /// <summary>The binary public key gpg --export gave: what a keyring of this key holds.</summary>
    public byte[] BinaryKey => File.ReadAllBytes(Values["APTREPO_KEY_GPG"]);

    public static AptRepo Parse(string envFile) => new(
        File.ReadAllLines(envFile)
            .Where(l => l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal));

    /// <summary>The playbooks' variables as a JSON mapping (read with -e @FILE).</summary>
    public string VariablesJson(IReadOnlyDictionary<string, string>? more = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["aptrepo_url"] = Url,
            ["aptrepo_suite"] = Suite,
            ["aptrepo_fingerprint"] = Fingerprint,
            ["aptrepo_short_id"] = Fingerprint[^8..],
            ["aptrepo_lying_fingerprint"] = LyingFingerprint,
            ["aptrepo_key_url"] = KeyUrl,
            ["aptrepo_impostor_url"] = ImpostorUrl,
            ["aptrepo_keyserver"] = Keyserver,
            ["aptrepo_key_armored"] = ArmoredKey,
            ["keyring_suffix"] = "",
            ["repo_components"] = "main",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return System.Text.Json.JsonSerializer.Serialize(variables);
    }
}
