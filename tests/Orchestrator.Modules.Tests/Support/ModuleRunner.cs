using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Templating;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>Runs a module as the engine does: bind the arguments, plan, and apply unless in check mode.</summary>
public static class ModuleRunner
{
    public static ModuleContext Context(
        IModule module,
        IReadOnlyDictionary<string, object?> arguments,
        ITransport transport,
        bool check = false,
        bool diff = false,
        IReadOnlyDictionary<string, object?>? variables = null,
        ITemplateEngine? templates = null,
        string? playbookDirectory = null)
    {
        var (bound, problems) = ArgumentBinder.Bind(module.Spec, arguments, deferTemplates: false);
        Assert.Empty(problems);
        var directory = playbookDirectory ?? "/nonexistent";
        return new ModuleContext
        {
            Arguments = bound,
            Transport = transport,
            HostName = transport.HostName,
            Variables = variables ?? new Dictionary<string, object?>(),
            Templates = templates ?? new StubTemplateEngine(),
            Files = new LocalFileSearch(null, directory, directory),
            TaskLocation = new SourceLocation("playbook.yaml", 3, 5),
            CheckMode = check,
            DiffMode = diff,
        };
    }

    public static async Task<(ModulePlan Plan, ModuleResult Result)> RunAsync(IModule module, ModuleContext context)
    {
        var plan = await module.PlanAsync(context, CancellationToken.None);
        var result = plan.Apply is null || context.CheckMode ? plan.Result : await plan.Apply(CancellationToken.None);
        return (plan, result);
    }

    public static async Task<ModuleResult> RunAsync(
        IModule module, ITransport transport, IReadOnlyDictionary<string, object?> arguments, bool check = false, bool diff = false)
    {
        var (_, result) = await RunAsync(module, Context(module, arguments, transport, check, diff));
        return result;
    }

    /// <summary>Arguments from name/value pairs: <c>Args("dest", "/x", "mode", "0644")</c>.</summary>
    public static Dictionary<string, object?> Args(params object?[] pairs)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var index = 0; index + 1 < pairs.Length; index += 2)
        {
            arguments[(string)pairs[index]!] = pairs[index + 1];
        }

        return arguments;
    }
}
