using System.Text;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Files;

/// <summary>Renders a controller template with the task's variables and writes it to the host like copy does.</summary>
internal sealed class TemplateModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "template",
        "Renders a Handlebars template from the controller with the host's variables and writes it to the host (atomically, when it differs).",
        [
            new ArgumentSpec("src", ArgumentType.Path, "Template file: relative paths are looked up in the role's templates/, the playbook's folder and its templates/, then the project's templates/.") { Required = true },
            new ArgumentSpec("dest", ArgumentType.Path, "Path on the host. Ending in '/' or naming an existing directory: the file goes inside it under src's name.") { Required = true },
            .. FileArguments.Attributes,
            FileArguments.Backup,
            FileArguments.Validate,
            FileArguments.Force,
        ]);

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var source = arguments.GetRequiredString("src");
        var resolved = context.Files.Resolve(source, "templates", context.TaskLocation);
        var text = File.ReadAllText(resolved, Encoding.UTF8);
        var rendered = context.Templates.RenderText(text, context.Variables, new SourceLocation(resolved, 1, 1));
        var request = new FileWriteRequest(arguments.GetRequiredString("dest"), TextContent.Encode(rendered), FileAttributes.From(arguments))
        {
            Source = source,
            SourceName = RemotePath.FileName(source),
            Force = arguments.GetBool("force", fallback: true),
            Backup = arguments.GetBool("backup"),
            Validate = arguments.GetString("validate"),
        };
        return FileWriter.PlanAsync(context, request, cancellationToken);
    }
}
