using System.Text;
using System.Text.Json;
using Orchestrator.Modules.Facts;
using Orchestrator.Modules.Tests.Support;

namespace Orchestrator.Modules.Tests.Facts;

/// <summary>
/// The facts parser on recorded hosts (Fixtures/facts/HOST/: one file per section the setup script prints, and
/// expected.json): Debian in a slim container (no ip command), Ubuntu 14.04 (upstart, no VERSION_CODENAME),
/// 16.04 and 22.04 (systemd).
/// </summary>
public sealed class FactsParserTests
{
    private static string FixtureRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "facts");

    public static TheoryData<string> Hosts() => new(Directory.GetDirectories(FixtureRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Recorded_host_gives_the_expected_facts(string host)
    {
        var directory = Path.Combine(FixtureRoot, host);
        var output = new StringBuilder();
        foreach (var file in Directory.GetFiles(directory).Where(f => Path.GetFileName(f) != "expected.json").Order(StringComparer.Ordinal))
        {
            output.Append('\0').Append(Path.GetFileName(file)).Append('\n').Append(File.ReadAllText(file));
        }

        output.Append('\0').Append(FactsScript.EndSection).Append('\n');
        var expected = JsonPlain.Map(JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected.json"))).RootElement);

        var facts = FactsParser.Parse(FactsScript.Sections(output.ToString())!);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), facts.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.Equal(JsonSerializer.Serialize(e.Value), JsonSerializer.Serialize(facts[e.Key])));
        Assert.IsType<long>(facts["processor_count"]);
        Assert.IsType<long>(facts["memtotal_mb"]);
        Assert.IsType<bool>(facts["docker_present"]);
        Assert.IsType<string>(facts["default_ipv4"]);
    }

    [Theory]
    [InlineData("VERSION=\"14.04.6 LTS, Trusty Tahr\"\nID=ubuntu\nVERSION_ID=\"14.04\"", "trusty")]
    [InlineData("VERSION=\"16.04 LTS (Xenial Xerus)\"\nID=ubuntu\nVERSION_ID=\"16.04\"", "xenial")]
    [InlineData("VERSION=\"8 (jessie)\"\nID=debian\nVERSION_ID=\"8\"", "jessie")]
    [InlineData("VERSION=\"20.04.6 LTS (Focal Fossa)\"\nID=ubuntu\nUBUNTU_CODENAME=focal", "focal")]
    [InlineData("VERSION_CODENAME=bookworm\nUBUNTU_CODENAME=ignored\nID=debian", "bookworm")]
    public void The_codename_comes_from_os_release_alone_when_it_must(string osRelease, string release)
    {
        var facts = new Dictionary<string, object?>();

        DistributionFacts.Add(facts, osRelease, null, null);

        Assert.Equal(release, facts["distribution_release"]);
    }

    [Fact]
    public void Debian_testing_takes_its_codename_from_debian_version_and_has_no_version()
    {
        var facts = new Dictionary<string, object?>();

        DistributionFacts.Add(facts, "PRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\nNAME=\"Debian GNU/Linux\"\nID=debian", null, "trixie/sid\n");

        Assert.Equal("trixie", facts["distribution_release"]);
        Assert.False(facts.ContainsKey("distribution_version"));
    }

    [Fact]
    public void Quoted_values_are_unquoted_like_the_shell_does()
    {
        var values = OsRelease.Parse("# comment\nA=\"say \\\"hi\\\" \\$x\"\nB='single $x'\nC=bare\n\nnot a pair\n");

        Assert.Equal("say \"hi\" $x", values["A"]);
        Assert.Equal("single $x", values["B"]);
        Assert.Equal("bare", values["C"]);
        Assert.Equal(3, values.Count);
    }

    [Theory]
    [InlineData("systemd_dir\n", "systemd")]
    [InlineData("systemd_dir\ninitctl (upstart 1.12.1)\n", "systemd")]
    [InlineData("initctl (upstart 1.12.1)\n", "upstart")]
    [InlineData("", "sysvinit")]
    public void The_service_manager_follows_the_init_checks(string init, string manager) =>
        Assert.Equal(manager, FactsParser.ServiceManager(init));

    [Fact]
    public void A_host_without_a_default_route_uses_its_first_address()
    {
        var sections = Sections(("ip", "1: lo    inet 127.0.0.1/8 scope host lo\n2: eth1    inet 192.168.56.12/24 scope global eth1\n"));

        var facts = FactsParser.Parse(sections);

        Assert.Equal("192.168.56.12", facts["default_ipv4"]);
        Assert.Equal("eth1", facts["default_interface"]);
        Assert.Equal(new List<object?> { "192.168.56.12" }, facts["all_ipv4"]);
    }

    [Fact]
    public void Hostname_I_is_the_last_resort_for_addresses()
    {
        var facts = FactsParser.Parse(Sections(("proc_route", ""), ("fib_trie", ""), ("hostname_ip", "10.1.2.3 fe80::1 172.17.0.1 \n")));

        Assert.Equal(new List<object?> { "10.1.2.3", "172.17.0.1" }, facts["all_ipv4"]);
        Assert.Equal("10.1.2.3", facts["default_ipv4"]);
        Assert.False(facts.ContainsKey("default_interface"));
    }

    [Fact]
    public void Output_without_its_end_section_is_refused()
    {
        Assert.Null(FactsScript.Sections("\0os_release\nID=debian\n\0hostname\nx\n"));
        Assert.NotNull(FactsScript.Sections("\0hostname\nx\n\0end\n"));
    }

    [Fact]
    public void A_filter_keeps_matching_facts_and_ignores_the_ansible_prefix()
    {
        var facts = new Dictionary<string, object?> { ["distribution"] = "debian", ["distribution_release"] = "bookworm", ["hostname"] = "h", ["kernel"] = "6" };

        Assert.Equal(["distribution", "distribution_release", "hostname"], FactFilter.Apply(facts, ["ansible_distribution*", "host[a-z]ame"]).Keys);
        Assert.Same(facts, FactFilter.Apply(facts, []));
    }

    [Theory]
    [InlineData("Cpus_allowed_list:\t0-1", 2L)]
    [InlineData("Cpus_allowed_list:\t0", 1L)]
    [InlineData("Cpus_allowed_list:\t0-3,6,8-9", 7L)]
    [InlineData("Cpus_allowed_list:\t0-63", 64L)]
    [InlineData("Cpus_allowed_list:\t", null)]
    [InlineData("Cpus_allowed_list:\t3-1", null)]
    [InlineData("Cpus_allowed_list:\t0-1-2", null)]
    [InlineData("Cpus_allowed_list:\tff", null)]
    [InlineData("Cpus_allowed:\t3", null)]
    public void The_processor_count_is_the_size_of_the_affinity_list(string line, long? count) =>
        Assert.Equal(count, AllowedCpus.Count(line));

    [Fact]
    public void The_affinity_list_is_preferred_and_nproc_answers_where_the_kernel_has_none()
    {
        var both = FactsParser.Parse(Sections(("cpus", "Cpus_allowed_list:\t0-2\n"), ("nproc", "8\n")));
        var nprocOnly = FactsParser.Parse(Sections(("nproc", "8\n")));
        var unreadable = FactsParser.Parse(Sections(("cpus", "Cpus_allowed_list:\tx\n")));

        Assert.Equal(3L, both["processor_count"]);
        Assert.Equal(3L, both["processor_vcpus"]);
        Assert.Equal(8L, nprocOnly["processor_count"]);
        Assert.False(unreadable.ContainsKey("processor_count"));
    }

    private static Dictionary<string, string> Sections(params (string Name, string Text)[] sections) =>
        sections.ToDictionary(s => s.Name, s => s.Text, StringComparer.Ordinal);
}
