using Orchestrator.Core.Modules;
using Orchestrator.Modules.Files;
using FileAttributes = Orchestrator.Modules.Files.FileAttributes;

namespace Orchestrator.Modules.Apt;

/// <summary>apt_repository's arguments, checked: the parsed line (signed_by merged in), file name and mode.</summary>
internal sealed record RepositoryRequest(SourceLine Line, string FileName, bool Present, FileAttributes Attributes, bool UpdateCache, long LockTimeout)
{
    public static (RepositoryRequest? Request, string? Error) From(ModuleArguments arguments)
    {
        var repo = arguments.GetRequiredString("repo");
        if (repo.TrimStart().StartsWith("ppa:", StringComparison.Ordinal))
        {
            return (null, $"'{repo}': ppa: sources are not supported; give the deb line of the PPA and install its key with apt_key");
        }

        var (line, error) = SourceLine.Parse(repo);
        if (line is null || repo.Contains('\n', StringComparison.Ordinal))
        {
            return (null, error ?? $"'{repo}' is not one source line (expected 'deb [options] URI SUITE COMPONENT...')");
        }

        if (arguments.GetString("signed_by") is { } signedBy)
        {
            if (line.SignedBy is null)
            {
                line = line.WithOption("signed-by", signedBy);
            }
            else if (line.SignedBy != signedBy)
            {
                return (null, $"the line says signed-by={line.SignedBy} but signed_by is {signedBy}");
            }
        }

        var (name, nameError) = arguments.GetString("filename") is { } given ? SourceFileName.Check(given) : SourceFileName.Check(SourceFileName.Derive(line));
        if (name is null)
        {
            return (null, nameError);
        }

        var attributes = new FileAttributes(arguments.GetString("mode"), null, null);
        if (attributes.Problem is { } modeProblem)
        {
            return (null, modeProblem);
        }

        var present = arguments.GetString("state") != "absent";
        return (new RepositoryRequest(line, name, present, attributes, arguments.GetBool("update_cache", fallback: true), arguments.GetInt("lock_timeout") ?? 60), null);
    }
}
