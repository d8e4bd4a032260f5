using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Files;

/// <summary>The file module's arguments, and what the probe found for them.</summary>
internal sealed record FileRequest(string Path, string? State, FileAttributes Attributes)
{
    public string? Source { get; init; }

    public bool Recurse { get; init; }

    public bool Force { get; init; }

    public bool Follow { get; init; } = true;

    public static FileRequest From(ModuleArguments arguments) =>
        new(arguments.GetRequiredString("path"), arguments.GetString("state"), FileAttributes.From(arguments))
        {
            Source = arguments.GetString("src"),
            Recurse = arguments.GetBool("recurse"),
            Force = arguments.GetBool("force"),
            Follow = arguments.GetBool("follow", fallback: true),
        };

    /// <summary>A relative link source is relative to the link's folder, as the link itself will resolve it.</summary>
    public string? SourceOnHost => Source switch
    {
        null => null,
        ['/', ..] => Source,
        _ => RemotePath.Combine(RemotePath.Parent(Path), Source),
    };
}
