namespace Orchestrator.Core.Secrets;

/// <summary>
/// Every secret value seen during a run (vault values, no_log data, become passwords, secret arguments)
/// is registered here; every output channel passes its text through <see cref="Mask"/>.
/// Thread-safe: hosts register secrets concurrently.
/// </summary>
public sealed class SecretMasker
{
    public const string Mask = "********";

    private readonly Lock gate = new();
    private string[] secrets = [];

    public void Register(string? secret)
    {
        // Very short values would mask innocent text everywhere; they are still hidden where no_log applies.
        if (string.IsNullOrEmpty(secret) || secret.Length < 3)
        {
            return;
        }

        lock (gate)
        {
            if (secrets.Contains(secret, StringComparer.Ordinal))
            {
                return;
            }

            // Longest first so that a secret containing another is masked whole.
            secrets = [.. secrets.Append(secret).OrderByDescending(s => s.Length)];
        }
    }

    public string Apply(string text)
    {
        var current = secrets;
        foreach (var secret in current)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
