using Orchestrator.Modules.Facts;

namespace Orchestrator.Content.Tests;

/// <summary>
/// Facts of an Ubuntu host as the setup module would gather them: its parser fed the os-release fixture of the
/// release, the init system that release boots with, and one address (the host's cluster address).
/// </summary>
internal static class HostFacts
{
    public static readonly string[] Releases = ["trusty", "xenial", "jammy"];

    public static Dictionary<string, object?> For(string release, string hostname, string address)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["os_release"] = File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "os-release", release)),
            // trusty boots upstart (initctl answers), xenial and jammy systemd (/run/systemd/system exists).
            ["init"] = release == "trusty" ? "initctl (upstart 1.12.1)\n" : "systemd_dir\n",
            ["hostname"] = hostname + "\n",
            ["ip"] = $"1.1.1.1 via 10.0.0.1 dev eth0 src {address} uid 0 \\    cache \n"
                + $"2: eth0    inet {address}/24 brd 10.0.0.255 scope global eth0\\       valid_lft forever preferred_lft forever\n",
            ["nproc"] = "2\n",
            ["meminfo"] = "MemTotal:        4028512 kB\n",
        };
        return FactsParser.Parse(sections);
    }
}
