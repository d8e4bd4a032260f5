namespace Orchestrator.Modules.Files;

/// <summary>
/// Works out which file a copy/template dest means (Ansible's rules: a dest ending in '/' or naming an existing
/// directory gets the source's file name inside it), asking everything needed in the same probe as the rest.
/// </summary>
internal sealed class DestinationProbe
{
    private const string ChecksumAlgorithm = "sha1";

    private readonly string destination;
    private readonly string? sourceName;
    private readonly int destinationIndex;
    private readonly int containerIndex;
    private readonly int insideIndex = -1;

    /// <param name="sourceName">The source's file name (copy src, template src); null for copy content.</param>
    /// <param name="content">What the file should hold, for the probe to compare on the host (see <see cref="RemoteProbe"/>); null under become.</param>
    public DestinationProbe(RemoteProbe probe, string destination, string? sourceName, byte[]? content)
    {
        this.destination = destination;
        this.sourceName = sourceName;
        if (NamesDirectory)
        {
            destinationIndex = probe.AddFile(InsidePath(RemotePath.WithoutTrailingSlash(destination)), follow: true, ChecksumAlgorithm, content);
            containerIndex = probe.AddFile(RemotePath.WithoutTrailingSlash(destination), follow: true);
            return;
        }

        // Links are followed: a link to a file is compared by its target's content, as Ansible does.
        destinationIndex = probe.AddFile(destination, follow: true, ChecksumAlgorithm, content);
        containerIndex = probe.AddFile(RemotePath.Parent(destination), follow: true);
        if (sourceName is not null)
        {
            insideIndex = probe.AddFile(InsidePath(destination), follow: true, ChecksumAlgorithm, content);
        }
    }

    /// <summary>A dest ending in '/' is a folder (created when missing); content cannot be written to one.</summary>
    public static string? Problem(string destination, string? sourceName) =>
        destination.EndsWith('/') && sourceName is null ? $"can not use content with a dir as dest: {destination}" : null;

    private bool NamesDirectory => destination.EndsWith('/');

    public (WriteTarget? Target, string? Error) Resolve(RemoteAnswers answers)
    {
        var container = answers.File(containerIndex, NamesDirectory ? RemotePath.WithoutTrailingSlash(destination) : RemotePath.Parent(destination));
        if (NamesDirectory)
        {
            var inside = answers.File(destinationIndex, InsidePath(container.Path));
            return container switch
            {
                { Exists: false } => (new WriteTarget(inside.Path, inside, container.Path), null),
                { IsDirectory: false } => (null, $"Destination {container.Path} exists and is not a directory"),
                _ => Check(inside),
            };
        }

        var state = answers.File(destinationIndex, destination);
        if (state.IsDirectory)
        {
            return sourceName is null
                ? (null, $"can not use content with a dir as dest: {destination}")
                : Check(answers.File(insideIndex, InsidePath(destination)));
        }

        return container switch
        {
            { IsDirectory: true } => Check(state),
            { Exists: false } => (new WriteTarget(state.Path, state, null) { MissingDirectory = container.Path }, null),
            _ => (null, $"Destination directory {container.Path} is not a directory"),
        };
    }

    private static (WriteTarget?, string?) Check(RemoteFileState state) => state switch
    {
        { Error: { } error } => (null, $"cannot inspect {state.Path}: {error}"),
        { IsDirectory: true } => (null, $"{state.Path} is a directory"),
        _ => (new WriteTarget(state.Path, state, null), null),
    };

    private string InsidePath(string directory) => RemotePath.Combine(directory, sourceName ?? "");
}
