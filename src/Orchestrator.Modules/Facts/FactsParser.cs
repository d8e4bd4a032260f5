using System.Globalization;

namespace Orchestrator.Modules.Facts;

/// <summary>Turns the sections <see cref="FactsScript"/> printed into the facts of SPEC §6 (a pure function, tested on fixtures).</summary>
internal static class FactsParser
{
    public static Dictionary<string, object?> Parse(IReadOnlyDictionary<string, string> sections)
    {
        var facts = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? Section(string name) => sections.TryGetValue(name, out var text) ? text : null;
        string? FirstLine(string name) => Section(name)?.Split('\n')[0].Trim() is { Length: > 0 } line ? line : null;

        DistributionFacts.Add(facts, Section("os_release"), Section("lsb_release"), Section("debian_version"));

        // Ansible's hostname is the short name even where `hostname` prints a dotted one.
        var nodeName = FirstLine("hostname");
        if (nodeName is not null)
        {
            facts["hostname"] = nodeName.Split('.')[0];
        }

        if ((FirstLine("fqdn") ?? nodeName) is { } fqdn)
        {
            facts["fqdn"] = fqdn;
        }

        NetworkFacts.Add(facts, sections);

        if (AllowedCpus.Count(FirstLine("cpus")) is { } processors
            || long.TryParse(FirstLine("nproc"), NumberStyles.None, CultureInfo.InvariantCulture, out processors))
        {
            facts["processor_count"] = processors;
            facts["processor_vcpus"] = processors;
        }

        AddMemory(facts, Section("meminfo"));
        facts["service_mgr"] = ServiceManager(Section("init") ?? "");
        facts["docker_present"] = !string.IsNullOrWhiteSpace(Section("docker"));
        facts["python_present"] = !string.IsNullOrWhiteSpace(Section("python"));
        if (FirstLine("architecture") is { } architecture)
        {
            facts["architecture"] = architecture;
        }

        if (FirstLine("kernel") is { } kernel)
        {
            facts["kernel"] = kernel;
        }

        return facts;
    }

    /// <summary>systemd when /run/systemd/system exists (systemd's own test); upstart when initctl says so; else sysvinit.</summary>
    public static string ServiceManager(string init) =>
        init.Split('\n').Any(l => l.Trim() == "systemd_dir") ? "systemd"
        : init.Contains("upstart", StringComparison.Ordinal) ? "upstart"
        : "sysvinit";

    // "MemTotal:       16384000 kB"
    private static void AddMemory(Dictionary<string, object?> facts, string? meminfo)
    {
        foreach (var line in (meminfo ?? "").Split('\n'))
        {
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
            {
                var name = words[0] switch { "MemTotal:" => "memtotal_mb", "MemFree:" => "memfree_mb", _ => null };
                if (name is not null)
                {
                    facts[name] = kilobytes / 1024;
                }
            }
        }
    }
}
