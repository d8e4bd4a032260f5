namespace Orchestrator.Modules.Apt;

/// <summary>What <c>apt-cache policy</c> says about one package: installed and candidate versions, and every known version in apt's order of preference.</summary>
internal sealed record AptPolicy(string? Installed, string? Candidate, IReadOnlyList<string> Versions)
{
    /// <summary>Parses the C-locale output for several packages; packages apt does not know are absent from the result.</summary>
    public static IReadOnlyDictionary<string, AptPolicy> Parse(string output)
    {
        var policies = new Dictionary<string, AptPolicy>(StringComparer.Ordinal);
        string? name = null;
        string? installed = null;
        string? candidate = null;
        var versions = new List<string>();

        void Flush()
        {
            if (name is not null)
            {
                policies[name] = new AptPolicy(installed, candidate, versions.ToList());
            }
        }

        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 1 && line[0] != ' ' && line.EndsWith(':'))
            {
                Flush();
                var header = line[..^1];
                name = header.Split(':')[0];
                (installed, candidate) = (null, null);
                versions.Clear();
            }
            else if (name is not null && line.TrimStart().StartsWith("Installed:", StringComparison.Ordinal))
            {
                installed = Version(line);
            }
            else if (name is not null && line.TrimStart().StartsWith("Candidate:", StringComparison.Ordinal))
            {
                candidate = Version(line);
            }
            else if (name is not null && (line.StartsWith(" *** ", StringComparison.Ordinal) || (line.StartsWith("     ", StringComparison.Ordinal) && line.Length > 5 && line[5] != ' ')))
            {
                // Version lines are indented 5 (" *** " marks the installed one); their sources are indented 8.
                var words = line[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= 1 && !versions.Contains(words[0]))
                {
                    versions.Add(words[0]);
                }
            }
        }

        Flush();
        return policies;
    }

    private static string? Version(string line)
    {
        var value = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        return value is "" or "(none)" ? null : value;
    }
}
