namespace Orchestrator.Modules.Apt;

/// <summary>One package as dpkg knows it: <c>dpkg-query -W -f='${Package} ${Status} ${Version}\n'</c>.</summary>
internal sealed record DpkgStatus(string Name, string Status, string Version)
{
    public const string Format = "${Package} ${Status} ${Version}\\n";

    /// <summary>Unpacked or configured, even half-way: something to remove.</summary>
    public bool IsPresent => Status is not ("not-installed" or "config-files");

    /// <summary>Fully installed: nothing to install.</summary>
    public bool IsInstalled => Status == "installed";

    public bool HasConfigFiles => Status == "config-files";

    /// <summary>Lines "name want ok status version"; several lines for one name (multi-arch) keep the most installed one.</summary>
    public static IReadOnlyDictionary<string, DpkgStatus> Parse(string output)
    {
        var packages = new Dictionary<string, DpkgStatus>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 4)
            {
                continue;
            }

            var status = new DpkgStatus(words[0], words[3], words.Length > 4 ? words[4] : "");
            if (!packages.TryGetValue(status.Name, out var known) || (status.IsPresent && !known.IsInstalled))
            {
                packages[status.Name] = status;
            }
        }

        return packages;
    }
}
