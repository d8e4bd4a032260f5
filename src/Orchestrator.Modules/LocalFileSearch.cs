using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Modules;

/// <summary>
/// Finds a relative copy/template src on the controller (SPEC §4): the role's templates/ (or files/),
/// then the playbook's folder and its templates/ (files/), then the project's top-level templates/ (files/).
/// </summary>
public sealed record LocalFileSearch(string? RoleDirectory, string PlaybookDirectory, string ProjectDirectory)
{
    /// <param name="kind">"templates" or "files".</param>
    public string Resolve(string source, string kind, SourceLocation location)
    {
        if (Path.IsPathRooted(source))
        {
            return File.Exists(source) ? source : throw NotFound(source, [source], location);
        }

        var candidates = Candidates(source, kind).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? throw NotFound(source, candidates, location);
    }

    public IEnumerable<string> Candidates(string source, string kind)
    {
        if (RoleDirectory is not null)
        {
            yield return Path.Combine(RoleDirectory, kind, source);
        }

        yield return Path.Combine(PlaybookDirectory, source);
        yield return Path.Combine(PlaybookDirectory, kind, source);
        yield return Path.Combine(ProjectDirectory, kind, source);
    }

    private static UserErrorException NotFound(string source, IEnumerable<string> searched, SourceLocation location) =>
        new(location, $"could not find '{source}'; looked in: {string.Join(", ", searched.Distinct())}");
}
