namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// What SPEC §7 and docs/mesos-content-design.md say the rollout must produce on the lab, per host: the flags each
/// daemon runs with (read back from the stand-ins) and, for packages, every file the content writes. Addresses
/// are the hosts' lab-network addresses (cluster_address defaults to facts.default_ipv4).
/// </summary>
internal sealed class MesosExpectations(MesosLab lab, MesosInventory inventory)
{
    private const string WorkDir = "/var/lib/mesos";
    private const string LogDir = "/var/log/mesos";

    internal string Address(string host) => lab.Host(host).Address;

    internal string MesosZk => "zk://" + string.Join(',', MesosLab.Masters.Select(m => Address(m) + ":2181")) + "/mesos";

    internal string MarathonZk => "zk://" + string.Join(',', MesosLab.Masters.Select(m => Address(m) + ":2181")) + "/marathon";

    internal static int ZookeeperId(string host) => Array.IndexOf(MesosLab.Masters, host) + 1;

    internal IReadOnlyDictionary<string, string> MasterFlags(string host) => new Dictionary<string, string>
    {
        ["zk"] = MesosZk,
        ["quorum"] = "2",
        ["registry"] = "replicated_log",
        ["work_dir"] = WorkDir,
        ["log_dir"] = LogDir,
        ["cluster"] = inventory.ClusterName,
        ["ip"] = Address(host),
        ["hostname"] = Address(host),
        ["port"] = "5050",
    };

    internal IReadOnlyDictionary<string, string> AgentFlags(string host)
    {
        var flags = new Dictionary<string, string>
        {
            ["master"] = MesosZk,
            ["work_dir"] = WorkDir,
            ["log_dir"] = LogDir,
            ["ip"] = Address(host),
            ["hostname"] = Address(host),
            ["containerizers"] = "docker,mesos",
            ["executor_registration_timeout"] = "10mins",
            ["isolation"] = "cgroups/cpu,cgroups/mem",
            ["attributes"] = inventory.AttributesFlag(host),
        };
        if (inventory.Method == "containers")
        {
            flags["port"] = "5051";
            flags["docker_mesos_image"] = "mesosphere/mesos-slave:1.4.1";
            flags["systemd_enable_support"] = "false";
        }

        return flags;
    }

    internal IReadOnlyDictionary<string, string> MarathonFlags(string host) => new Dictionary<string, string>
    {
        ["master"] = MesosZk,
        ["zk"] = MarathonZk,
        ["hostname"] = Address(host),
        ["http_port"] = "8080",
        ["task_launch_timeout"] = "600000",
    };

    /// <summary>The non-comment lines of zoo.cfg (packages: the content's file; containers: what the image wrote).</summary>
    internal IReadOnlyList<string> ZooCfgLines() => inventory.Method == "packages"
        ? [
            "tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181",
            "4lw.commands.whitelist=srvr,ruok,mntr", "admin.enableServer=false",
            "autopurge.snapRetainCount=3", "autopurge.purgeInterval=24", .. ServerLines(),
        ]
        : [
            "clientPort=2181", "dataDir=/data", "dataLogDir=/datalog", "tickTime=2000", "initLimit=5", "syncLimit=2",
            "autopurge.snapRetainCount=3", "autopurge.purgeInterval=0", "maxClientCnxns=60", .. ServerLines(),
        ];

    /// <summary>Packages: every file (path → exact content) and flag folder (path → exact entries) per host.</summary>
    internal IReadOnlyDictionary<string, string> PackageFiles(string host)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/etc/apt/sources.list.d/mesosphere.list"] =
                $"deb [signed-by=/etc/apt/keyrings/mesosphere-archive-keyring.gpg] {lab.Repository.Url} {lab.Repository.Suite} main\n",
            ["/etc/mesos/zk"] = MesosZk + "\n",
        };
        if (MesosLab.Masters.Contains(host))
        {
            foreach (var (flag, value) in MasterFlags(host).Where(f => f.Key is not ("zk" or "port" or "log_dir")))
            {
                files["/etc/mesos-master/" + flag] = value + "\n";
            }

            files["/etc/zookeeper/conf/myid"] = ZookeeperId(host) + "\n";
            foreach (var (flag, value) in MarathonFlags(host))
            {
                files["/etc/marathon/conf/" + flag] = value + "\n";
            }
        }
        else
        {
            foreach (var (flag, value) in AgentFlags(host).Where(f => f.Key is not ("master" or "log_dir" or "attributes")))
            {
                files["/etc/mesos-slave/" + flag] = value + "\n";
            }

            foreach (var (key, value) in inventory.AttributesOf(host))
            {
                files["/etc/mesos-slave/attributes/" + key] = value + "\n";
            }
        }

        return files;
    }

    /// <summary>Packages: files whose comment lines are the content's to choose; their other lines, exactly.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<string>> PackageSettingLines(string host)
    {
        var lines = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["/etc/default/mesos"] = ["LOGS=/var/log/mesos", "ULIMIT=\"-n 8192\""],
        };
        if (MesosLab.Masters.Contains(host))
        {
            lines["/etc/default/mesos-master"] = ["PORT=5050", "ZK=`cat /etc/mesos/zk`"];
            lines["/etc/zookeeper/conf/zoo.cfg"] = ZooCfgLines();
            lines["/etc/default/marathon"] = [$"LIBPROCESS_IP={Address(host)}", "export LIBPROCESS_IP"];
        }
        else
        {
            lines["/etc/default/mesos-slave"] = ["MASTER=`cat /etc/mesos/zk`"];
        }

        return lines;
    }

    /// <summary>Packages: the flag folders hold exactly these entries (every regular file there is a flag).</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<string>> PackageFolders(string host) => MesosLab.Masters.Contains(host)
        ? new Dictionary<string, IReadOnlyList<string>>
        {
            ["/etc/mesos-master"] = ["cluster", "hostname", "ip", "quorum", "registry", "work_dir"],
            ["/etc/marathon/conf"] = ["hostname", "http_port", "master", "task_launch_timeout", "zk"],
        }
        : new Dictionary<string, IReadOnlyList<string>>
        {
            ["/etc/mesos-slave"] = ["attributes", "containerizers", "executor_registration_timeout", "hostname", "ip", "isolation", "work_dir"],
            ["/etc/mesos-slave/attributes"] = inventory.AttributesOf(host).Keys.Order(StringComparer.Ordinal).ToList(),
        };

    private IEnumerable<string> ServerLines() =>
        MesosLab.Masters.Select(m => $"server.{ZookeeperId(m)}={Address(m)}:2888:3888");
}
