using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Templating;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules;

/// <summary>Everything a module may use for one host and one task.</summary>
public sealed record ModuleContext
{
    public required ModuleArguments Arguments { get; init; }

    /// <summary>The host's connection; become, environment and timeouts of the task are already applied by the engine.</summary>
    public required ITransport Transport { get; init; }

    public required string HostName { get; init; }

    /// <summary>All variables visible to the task (for template, debug, assert, set_fact).</summary>
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }

    public required ITemplateEngine Templates { get; init; }

    /// <summary>Finds a relative src of copy/template on the controller.</summary>
    public required LocalFileSearch Files { get; init; }

    /// <summary>Where the task is written, for located errors (template files, assert conditions).</summary>
    public required SourceLocation TaskLocation { get; init; }

    /// <summary>Read-only knowledge for modules whose plan depends on it (e.g. command's creates/removes); never a reason to skip work in the module.</summary>
    public bool CheckMode { get; init; }

    /// <summary>
    /// Requests run as another user (become): each one then starts sudo and a shell on the host, so a module
    /// asks a separate question only where it saves that much. Read-only knowledge, like <see cref="CheckMode"/>.
    /// </summary>
    public bool Become { get; init; }

    /// <summary>How many -v the run was given (debug's verbosity argument reads it).</summary>
    public int Verbosity { get; init; }

    /// <summary>Compute before/after texts for <see cref="ModuleResult.Diff"/>.</summary>
    public bool DiffMode { get; init; }
}
