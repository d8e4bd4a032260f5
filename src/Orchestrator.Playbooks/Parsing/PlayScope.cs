using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>What is gathered while one play is parsed and checked once the play is complete (notify targets).</summary>
internal sealed class PlayScope
{
    public PlayScope(string baseDirectory)
    {
        BaseDirectory = baseDirectory;
    }

    /// <summary>The folder of the file the play is written in (full path).</summary>
    public string BaseDirectory { get; }

    /// <summary>Every non-templated notify entry of the play's tasks, roles, included files and handlers.</summary>
    public List<Expression> NotifyReferences { get; } = [];
}
