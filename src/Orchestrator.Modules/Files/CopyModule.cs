using System.Collections;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Values;

namespace Orchestrator.Modules.Files;

/// <summary>Copies a controller file (or given content) to the host, atomically, when its checksum differs.</summary>
internal sealed class CopyModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "copy",
        "Copies a file from the controller, or given content, to the host. Compares checksums; writes atomically.",
        [
            new ArgumentSpec("src", ArgumentType.Path, "Controller file to copy: relative paths are looked up in the role's files/, the playbook's folder and its files/, then the project's files/."),
            new ArgumentSpec("content", ArgumentType.Raw, "Text to write instead of src (a list or mapping is written as JSON)."),
            new ArgumentSpec("dest", ArgumentType.Path, "Path on the host. Ending in '/' or naming an existing directory: the file goes inside it under src's name.") { Required = true },
            .. FileArguments.Attributes,
            FileArguments.Backup,
            FileArguments.Validate,
            FileArguments.Force,
        ])
    {
        RequiredOneOf = [["src", "content"]],
        MutuallyExclusive = [["src", "content"]],
    };

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var source = arguments.GetString("src");
        byte[] content;
        string? sourceName = null;
        if (source is not null)
        {
            var resolved = context.Files.Resolve(source, "files", context.TaskLocation);
            content = File.ReadAllBytes(resolved);
            sourceName = RemotePath.FileName(source);
        }
        else
        {
            // A list or mapping is written as Ansible's copy action writes it (json.dumps), anything else as text.
            var raw = arguments.GetRaw("content");
            content = TextContent.Encode(raw is IEnumerable and not string ? PythonJson.Format(raw, ensureAscii: true) : PlainText.Of(raw, ""));
        }

        var request = new FileWriteRequest(arguments.GetRequiredString("dest"), content, FileAttributes.From(arguments))
        {
            Source = source,
            SourceName = sourceName,
            Force = arguments.GetBool("force", fallback: true),
            Backup = arguments.GetBool("backup"),
            Validate = arguments.GetString("validate"),
        };
        return FileWriter.PlanAsync(context, request, cancellationToken);
    }
}
