using System.CommandLine;
using Orchestrator.Core;
using Orchestrator.Modules;

namespace Orchestrator.Cli;

/// <summary>`orchestrate modules [NAME]`: the module list, or one module's arguments.</summary>
internal static class ModulesVerb
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var name = new Argument<string?>("NAME") { Description = "a module name", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("modules", "list modules, or one module's arguments") { name };
        command.SetAction(result =>
        {
            var registry = ModuleRegistry.CreateDefault();
            var wanted = result.GetValue(name);
            if (wanted is null)
            {
                output.Write(ModuleDocumentation.RenderList(registry.All));
                return ExitCodes.Ok;
            }

            if (registry.Find(wanted) is not { } spec)
            {
                error.WriteLine($"ERROR: unknown module '{wanted}'; known: {string.Join(", ", registry.All.Select(s => s.Name))}");
                return ExitCodes.BadOptions;
            }

            output.Write(ModuleDocumentation.Render(spec));
            return ExitCodes.Ok;
        });
        return command;
    }
}
