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
    private readonly int destinationIdentity;
    private readonly int insideIdentity = -1;

    /// <param name="sourceName">The source's file name (copy src, template src); null for copy content.</param>
    /// <param name="content">What the file should hold, for the probe to compare on the host (see <see cref="RemoteProbe"/>); null under become.</param>
    /// <param name="attributes">The owner and group the write gives the file, for the result's prediction of them.</param>
    public DestinationProbe(RemoteProbe probe, string destination, string? sourceName, byte[]? content, FileAttributes attributes)
    {
        this.destination = destination;
        this.sourceName = sourceName;

        // The folder first: each file's write identity names it, and follows that file's own question.
        if (NamesDirectory)
        {
            containerIndex = probe.AddFile(RemotePath.WithoutTrailingSlash(destination), follow: true);
            destinationIndex = probe.AddFile(InsidePath(RemotePath.WithoutTrailingSlash(destination)), follow: true, ChecksumAlgorithm, content);
            destinationIdentity = probe.AddWriteIdentity(destinationIndex, containerIndex, attributes.Owner, attributes.Group);
            return;
        }

        // Links are followed: a link to a file is compared by its target's content, as Ansible does.
        containerIndex = probe.AddFile(RemotePath.Parent(destination), follow: true);
        destinationIndex = probe.AddFile(destination, follow: true, ChecksumAlgorithm, content);
        destinationIdentity = probe.AddWriteIdentity(destinationIndex, containerIndex, attributes.Owner, attributes.Group);
        if (sourceName is not null)
        {
            insideIndex = probe.AddFile(InsidePath(destination), follow: true, ChecksumAlgorithm, content);
            insideIdentity = probe.AddWriteIdentity(insideIndex, destinationIndex, attributes.Owner, attributes.Group);
        }
    }

    /// <summary>A dest ending in '/' is a folder (created when missing); content cannot be written to one.</summary>
    public static string? Problem(string destination, string? sourceName) =>
        destination.EndsWith('/') && sourceName is null ? $"can not use content with a dir as dest: {destination}" : null;

    private bool NamesDirectory => destination.EndsWith('/');

    public (WriteTarget? Target, string? Error) Resolve(RemoteAnswers answers)
    {
        var container = answers.File(containerIndex, NamesDirectory ? RemotePath.WithoutTrailingSlash(destination) : RemotePath.Parent(destination));
        var identity = WriteIdentity.Parse(answers.Text(destinationIdentity));
        if (NamesDirectory)
        {
            var inside = answers.File(destinationIndex, InsidePath(container.Path));
            return container switch
            {
                { Exists: false } => (new WriteTarget(inside.Path, inside, container.Path) { Identity = identity }, null),
                { IsDirectory: false } => (null, $"Destination {container.Path} exists and is not a directory"),
                _ => Check(inside, container, identity),
            };
        }

        var state = answers.File(destinationIndex, destination);
        if (state.IsDirectory)
        {
            return sourceName is null
                ? (null, $"can not use content with a dir as dest: {destination}")
                : Check(answers.File(insideIndex, InsidePath(destination)), state, WriteIdentity.Parse(answers.Text(insideIdentity)));
        }

        return container switch
        {
            { IsDirectory: true } => Check(state, container, identity),
            { Exists: false } => (new WriteTarget(state.Path, state, null) { MissingDirectory = container.Path, Identity = identity }, null),
            _ => (null, $"Destination directory {container.Path} is not a directory"),
        };
    }

    private static (WriteTarget?, string?) Check(RemoteFileState state, RemoteFileState folder, WriteIdentity identity) => state switch
    {
        { Error: { } error } => (null, $"cannot inspect {state.Path}: {error}"),
        { IsDirectory: true } => (null, $"{state.Path} is a directory"),
        _ => (new WriteTarget(state.Path, state, null) { Folder = folder, Identity = identity }, null),
    };

    private string InsidePath(string directory) => RemotePath.Combine(directory, sourceName ?? "");
}
