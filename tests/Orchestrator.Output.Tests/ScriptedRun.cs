using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Output;

namespace Orchestrator.Output.Tests;

/// <summary>A small run touching every kind of line: ok, changed, skipped, failed, unreachable, ignored, items, delegation, debug, diff, warning, handler.</summary>
internal static class ScriptedRun
{
    public const string ConfigDiff = "--- before: /etc/mesos/zk\n+++ after: /etc/mesos/zk\n@@ -1 +1 @@\n-zk://old:2181/mesos\n+zk://10.0.0.11:2181/mesos\n";

    public static readonly TaskStarted Packages = Task("Install Mesos packages", "apt", 12);
    public static readonly TaskStarted Config = Task("Write /etc/mesos/zk", "template", 20);
    public static readonly TaskStarted Check = Task("Check the master", "command", 27);
    public static readonly TaskStarted Unnamed = Task("", "command", 33);
    public static readonly TaskStarted Attributes = Task("Write agent attributes", "copy", 36);
    public static readonly TaskStarted Probe = Task("Probe ports", "wait_for", 44);
    public static readonly TaskStarted Optional = Task("Optional extras", "apt", 50);
    public static readonly TaskStarted Show = Task("Show quorum", "debug", 56);
    public static readonly TaskStarted Restart = new("restart mesos-master", "service", new SourceLocation("playbooks/roles/mesos/handlers/main.yaml", 1, 3), true);

    public static IReadOnlyDictionary<string, HostStats> Recap { get; } = new Dictionary<string, HostStats>
    {
        ["m2"] = new() { Ok = 7, Changed = 3, Skipped = 1, Ignored = 1 },
        ["m1"] = new() { Ok = 2, Changed = 1, Failed = 1 },
        ["m3"] = new() { Skipped = 1, Unreachable = 1 },
    };

    public static void Play(IRunObserver observer, bool checkMode = false)
    {
        observer.OnRunStarted(new RunStarted("playbooks/site.yaml", checkMode, true));
        observer.OnPlayStarted(new PlayStarted("Mesos masters", ["m1", "m2", "m3"]));

        observer.OnTaskStarted(Packages);
        observer.OnHostResult(new HostResult("m1", Packages, ResultStatus.Ok) { Duration = TimeSpan.FromMilliseconds(812) });
        observer.OnHostResult(new HostResult("m2", Packages, ResultStatus.Changed) { Duration = TimeSpan.FromMilliseconds(15_004) });
        observer.OnHostResult(new HostResult("m3", Packages, ResultStatus.Skipped));

        observer.OnTaskStarted(Config);
        observer.OnHostResult(new HostResult("m1", Config, ResultStatus.Changed) { Diff = ConfigDiff, Duration = TimeSpan.FromMilliseconds(12) });
        observer.OnHostResult(new HostResult("m2", Config, ResultStatus.Ok));

        observer.OnTaskStarted(Check);
        observer.OnHostResult(new HostResult("m1", Check, ResultStatus.Failed)
        {
            Message = "non-zero return code",
            ReturnCode = 1,
            Stdout = "",
            Stderr = "mesos-master: not running",
        });
        observer.OnHostResult(new HostResult("m2", Check, ResultStatus.Failed) { Message = "non-zero return code", ReturnCode = 3, Ignored = true });
        observer.OnHostResult(new HostResult("m3", Check, ResultStatus.Unreachable) { Message = "Failed to connect to the host via ssh: Connection refused" });

        observer.OnWarning("docker_insecure_tcp is true: the Docker API on m2 listens without authentication");

        observer.OnTaskStarted(Unnamed);
        observer.OnHostResult(new HostResult("m2", Unnamed, ResultStatus.Ok) { DelegatedTo = "localhost" });

        observer.OnTaskStarted(Attributes);
        observer.OnHostResult(new HostResult("m2", Attributes, ResultStatus.Ok) { ItemLabel = "rack" });
        observer.OnHostResult(new HostResult("m2", Attributes, ResultStatus.Changed) { ItemLabel = "zone" });
        observer.OnHostResult(new HostResult("m2", Attributes, ResultStatus.Skipped) { ItemLabel = "gpu" });
        observer.OnHostResult(new HostResult("m2", Attributes, ResultStatus.Changed) { HasItems = true });

        observer.OnTaskStarted(Probe);
        observer.OnHostResult(new HostResult("m2", Probe, ResultStatus.Failed) { ItemLabel = "5050", Message = "Timeout when waiting for 127.0.0.1:5050" });
        observer.OnHostResult(new HostResult("m2", Probe, ResultStatus.Failed) { Message = "One or more items failed", Ignored = true, HasItems = true });

        observer.OnTaskStarted(Optional);
        observer.OnHostResult(new HostResult("m2", Optional, ResultStatus.Skipped) { ItemLabel = "htop" });
        observer.OnHostResult(new HostResult("m2", Optional, ResultStatus.Skipped) { HasItems = true });

        observer.OnTaskStarted(Show);
        observer.OnHostResult(new HostResult("m2", Show, ResultStatus.Ok)
        {
            Details = new Dictionary<string, object?> { ["msg"] = "quorum is 2", ["changed"] = false, ["_ansible_verbose_always"] = true },
        });

        observer.OnTaskStarted(Restart);
        observer.OnHostResult(new HostResult("m2", Restart, ResultStatus.Changed)
        {
            Details = new Dictionary<string, object?> { ["changed"] = true, ["name"] = "mesos-master", ["state"] = "started" },
        });

        observer.OnRunFinished(new RunFinished(Recap, TimeSpan.FromMilliseconds(23_456.4), 2));
    }

    private static TaskStarted Task(string name, string module, int line) =>
        new(name, module, new SourceLocation("playbooks/masters.yaml", line, 7), false);
}
