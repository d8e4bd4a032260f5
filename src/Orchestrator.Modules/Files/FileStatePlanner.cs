using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>Decides, from one probe's answers, what the file module does for each state.</summary>
/// <param name="Own">The path itself (a link is a link).</param>
/// <param name="Followed">What the path points to when it is a link (same as <paramref name="Own"/> otherwise).</param>
/// <param name="LinkSource">The link source as the host resolves it (state=link); null when no src is given.</param>
/// <param name="Listing">The recursive listing (recurse); null when not asked.</param>
internal sealed record FileStatePlanner(FileRequest Request, RemoteFileState Own, RemoteFileState Followed, RemoteFileState? LinkSource, string? Listing)
{
    private string Path => Request.Path;

    private string Quoted => ShellQuote.Quote(Path);

    private FileAttributes Attributes => Request.Attributes;

    /// <summary>The state to reach: as asked, or (like Ansible) what the path already is, "file" when it is absent.</summary>
    public string TargetState => Request.State ?? (Own, Followed) switch
    {
        ({ Exists: false }, _) => Request.Recurse ? "directory" : "file",
        ({ IsLink: true }, { Exists: false }) => "link",
        (_, { IsDirectory: true }) when Request.Follow || !Own.IsLink => "directory",
        ({ IsLink: true }, _) when !Request.Follow => "link",
        _ => "file",
    };

    /// <summary>Ansible's message for a src with another state (it offers "hard", which we do not).</summary>
    public const string SourceNeedsLink = "src option requires state to be 'link' or 'hard'";

    public FileChange Plan() => TargetState switch
    {
        not "link" when Request.Source is not null => FileChange.Failure(TargetState, Own, SourceNeedsLink),
        "absent" => Absent(),
        "directory" => Directory(),
        "touch" => Touch(),
        "link" => Link(),
        _ => File(),
    };

    private RemoteFileState Target => Request.Follow ? Followed : Own;

    private FileChange Absent() =>
        new("absent", Own, Own.Exists ? $"rm -rf -- {Quoted}" : "");

    private FileChange Directory()
    {
        var target = Target;
        if (!target.Exists)
        {
            return new("directory", target, NewDirectory.Command(Path, Attributes));
        }

        if (!target.IsDirectory)
        {
            return FileChange.Failure("directory", target, $"{Path} already exists as a {target.StateName}");
        }

        if (Request.Recurse && Listing is not null && RecursiveListing.AnyDiffers(Listing, Attributes, Path))
        {
            return new("directory", target, Attributes.Commands(Path, target, recursive: true));
        }

        return new("directory", target, Attributes.Commands(Path, target));
    }

    private FileChange File()
    {
        var target = Target;
        return target switch
        {
            { Error: { } error } => FileChange.Failure("file", target, $"cannot inspect {Path}: {error}"),
            { Exists: false } => FileChange.Failure("file", target, $"file ({Path}) is absent, cannot continue"),
            { IsFile: false } => FileChange.Failure("file", target, $"file ({Path}) is {target.StateName}, cannot continue"),
            _ => new("file", target, Attributes.Commands(Path, target)),
        };
    }

    // Unlike Ansible, an existing path keeps its timestamps: touch creates what is missing and is idempotent.
    private FileChange Touch()
    {
        var target = Target;
        return target.Exists
            ? new("file", target, Attributes.Commands(Path, target))
            : new("file", target, Join($"touch -- {Quoted}", Attributes.Commands(Path, target)));
    }

    private FileChange Link()
    {
        var source = Request.Source ?? (Own.IsLink ? Own.LinkTarget : null);
        if (source is null)
        {
            return FileChange.Failure("link", Own, "src is required for state=link");
        }

        if (Own.IsLink && Own.LinkTarget == source)
        {
            return new("link", Own, Attributes.Commands(Path, Own, link: true)) { LinkTarget = source };
        }

        if (Request.Source is not null && LinkSource is { Exists: false } && !Request.Force)
        {
            return FileChange.Failure("link", Own, $"src file does not exist, use \"force=yes\" if you really want to create the link: {LinkSource.Path}");
        }

        if (Own.IsDirectory || (Own.IsFile && !Request.Force))
        {
            return FileChange.Failure("link", Own, $"refusing to convert from {Own.StateName} to symlink for {Path}");
        }

        // A new link under a temporary name renamed over the path: the path is never missing in between.
        var temporary = ShellQuote.Quote(RemotePath.Combine(RemotePath.Parent(Path), $".{RemotePath.FileName(Path)}.{Guid.NewGuid():N}.tmp"));
        var create = $"ln -s -- {ShellQuote.Quote(source)} {temporary} && mv -Tf -- {temporary} {Quoted}";
        return new("link", Own, Join(create, Attributes.Commands(Path, RemoteFileState.Absent(Path), link: true))) { LinkTarget = source };
    }

    private static string Join(string first, string second) => second.Length == 0 ? first : first + " && " + second;
}
