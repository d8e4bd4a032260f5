using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// Installs, upgrades and removes Debian packages with apt-get, or upgrades the whole system. One probe answers the plan (dpkg's installed
/// versions, apt-cache policy only when versions must be compared); the change is one apt-get run. When the
/// package lists must be refreshed first, only the apply can know what is still to do: it updates, looks again,
/// then acts, and reports changed only for packages (or, without packages, for lists that really changed).
/// Check mode never updates the lists: it predicts from the lists the host has.
/// </summary>
internal sealed class AptModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "apt",
        "Installs, upgrades or removes Debian packages with apt-get (never prompting); refreshes the package lists when asked.",
        [
            new ArgumentSpec("name", ArgumentType.List, "Packages, as a list or a comma-separated string; 'pkg=1.4.0-2' pins a version, 'pkg=1.4.*' takes apt's preferred version matching the glob.") { Aliases = ["pkg", "package"] },
            new ArgumentSpec("state", ArgumentType.String, "present: installed (the pinned version if one is given); latest: the candidate version; absent: removed. installed/removed are aliases.")
            {
                Default = "present",
                Choices = ["present", "installed", "latest", "absent", "removed"],
            },
            new ArgumentSpec("update_cache", ArgumentType.Bool, "Run apt-get update first, unless the lists are younger than cache_valid_time. Without packages it reports changed only when the lists changed.") { Default = false, Aliases = ["update-cache"] },
            new ArgumentSpec("cache_valid_time", ArgumentType.Int, "Seconds the package lists stay fresh: no update while /var/lib/apt/periodic/update-success-stamp or /var/cache/apt/pkgcache.bin is younger. Implies update_cache.") { Default = 0L },
            new ArgumentSpec("install_recommends", ArgumentType.Bool, "Install recommended packages too (true) or not (false); unset: apt's own setting (Debian installs them).") { Aliases = ["install-recommends"] },
            new ArgumentSpec("purge", ArgumentType.Bool, "With state=absent: remove configuration files too, also of packages already removed.") { Default = false },
            new ArgumentSpec("autoremove", ArgumentType.Bool, "Remove packages that were installed as dependencies and are no longer needed (with absent, or alone).") { Default = false },
            new ArgumentSpec("allow_downgrade", ArgumentType.Bool, "Allow a pinned version older than the installed one (apt-get --allow-downgrades).") { Default = false, Aliases = ["allow-downgrade", "allow_downgrades", "allow-downgrades"] },
            new ArgumentSpec("default_release", ArgumentType.String, "Prefer packages of this release (apt-get -t), e.g. bookworm-backports.") { Aliases = ["default-release"] },
            new ArgumentSpec("dpkg_options", ArgumentType.String, "dpkg options, comma-separated, each passed as -o Dpkg::Options::=--OPTION.") { Default = "force-confdef,force-confold" },
            new ArgumentSpec("lock_timeout", ArgumentType.Int, "Seconds to wait for another apt or dpkg to release its lock.") { Default = 60L },
            new ArgumentSpec("upgrade", ArgumentType.String, "Upgrade the whole system: yes/safe runs apt-get upgrade --with-new-pkgs, full/dist apt-get dist-upgrade (apt-get stands in for aptitude, as Ansible does without it). Changed only when apt's simulation has something to do. Not with name.")
            {
                Default = "no",
                Choices = ["no", "yes", "safe", "full", "dist"],
            },
            new ArgumentSpec("deb", ArgumentType.String, "A .deb file to install: a path on the host, or a URL the host downloads it from (curl, wget or python3). apt-get installs it with its dependencies; ok when that version is installed. Only with state=present; not with name or upgrade."),
            new ArgumentSpec("only_upgrade", ArgumentType.Bool, "Upgrade the named packages that are installed (with state=latest) and leave the others uninstalled.") { Default = false },
            new ArgumentSpec("force_apt_get", ArgumentType.Bool, "Accepted for Ansible playbooks; apt-get is always what runs.") { Default = false },
        ])
    {
        RequiredOneOf = [["name", "update_cache", "cache_valid_time", "autoremove", "upgrade", "deb"]],
        MutuallyExclusive = [["name", "upgrade", "deb"]],
    };

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var (request, error) = AptRequest.From(context.Arguments);
        if (request is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(error!));
        }

        var probe = new AptProbe(request, context.DiffMode);
        var facts = await probe.RunAsync(context.Transport, cancellationToken);
        if (facts.Error is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(facts.Error));
        }

        var (changes, problem) = AptPlanner.Decide(request, facts);
        var updateDue = request.UpdateCache && (request.CacheValidTime == 0 || facts.CacheAgeSeconds is not { } age || age > request.CacheValidTime);
        if (updateDue)
        {
            // The refreshed lists may change the answer (a newer candidate, a package only now known), so the
            // apply decides; check mode reports what the current lists say.
            var predicted = changes is null || changes.IsEmpty
                ? Result(request, changes, facts, cacheUpdated: false) with { Message = "the package lists would be refreshed first" + (problem is null ? "" : "; " + problem) }
                : Result(request, changes, facts, cacheUpdated: false, context.DiffMode) with { Changed = true };
            return ModulePlan.Provisional(predicted, token => UpdateThenApplyAsync(context, request, probe, facts, token));
        }

        if (changes is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(problem!));
        }

        if (changes.IsEmpty)
        {
            return ModulePlan.Done(Result(request, changes, facts, cacheUpdated: false));
        }

        var change = Result(request, changes, facts, cacheUpdated: false, context.DiffMode) with { Changed = true };
        return ModulePlan.Change(change, token => ApplyAsync(context.Transport, request, changes, change, token));
    }

    private static async Task<ModuleResult> UpdateThenApplyAsync(
        ModuleContext context, AptRequest request, AptProbe probe, AptFacts before, CancellationToken cancellationToken)
    {
        var (failure, warnings, update) = await AptUpdate.RunAsync(context.Transport, request.LockTimeout, null, cancellationToken);
        if (failure is not null)
        {
            return ModuleResult.Fail(failure) with { ReturnCode = update.ExitCode, Stdout = update.StdoutText, Stderr = update.StderrText };
        }

        var facts = await probe.RunAsync(context.Transport, cancellationToken);
        if (facts.Error is not null)
        {
            return ModuleResult.Fail(facts.Error);
        }

        var cacheUpdated = facts.ListsFingerprint != before.ListsFingerprint;
        var (changes, problem) = AptPlanner.Decide(request, facts);
        if (changes is null)
        {
            return ModuleResult.Fail(problem!) with { Warnings = warnings };
        }

        var result = Result(request, changes, facts, cacheUpdated, context.DiffMode && !changes.IsEmpty) with { Warnings = warnings };
        if (changes.IsEmpty)
        {
            // Ansible counts a bare cache update as a change; here only lists that really changed count.
            return result with { Changed = request.Packages.Count == 0 && !request.Autoremove && request.Upgrade is null && request.Deb is null && cacheUpdated, Stdout = update.StdoutText };
        }

        return await ApplyAsync(context.Transport, request, changes, result with { Changed = true }, cancellationToken);
    }

    private static async Task<ModuleResult> ApplyAsync(ITransport transport, AptRequest request, AptChanges changes, ModuleResult predicted, CancellationToken cancellationToken)
    {
        var run = await transport.RunAsync(new CommandRequest(AptCommands.Change(request, changes)), cancellationToken);
        var result = predicted with { ReturnCode = run.ExitCode, Stdout = run.StdoutText, Stderr = run.StderrText };
        if (run.ExitCode != 0)
        {
            var errors = run.StderrText.Split('\n').Where(l => l.StartsWith("E: ", StringComparison.Ordinal)).ToList();
            var detail = errors.Count > 0 ? string.Join("; ", errors) : run.StderrText.Trim();
            return result with { Changed = false, Failed = true, Message = $"apt-get failed ({changes.Summary()}): {detail}" };
        }

        return result;
    }

    private static ModuleResult Result(AptRequest request, AptChanges? changes, AptFacts facts, bool cacheUpdated, bool diff = false)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["cache_updated"] = cacheUpdated,
            ["cache_update_time"] = facts.CacheUpdated,
        };
        if (changes is not null)
        {
            data["packages"] = changes.Versions.Select(v => (object?)v.Name).Concat(changes.Autoremove).ToList();
        }

        return new ModuleResult
        {
            Message = changes is null || changes.IsEmpty ? "" : changes.Summary(),
            Diff = diff && changes is not null && !changes.IsEmpty ? changes.Diff() : null,
            Data = data,
        };
    }
}
