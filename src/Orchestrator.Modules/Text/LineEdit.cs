namespace Orchestrator.Modules.Text;

/// <summary>What one lineinfile task asks for, with its patterns compiled (see <see cref="PythonRegex"/>).</summary>
internal sealed record LineEdit
{
    public string? Line { get; init; }

    public PythonPattern? Regexp { get; init; }

    public string? SearchString { get; init; }

    /// <summary>"EOF", "BOF" or a pattern (compiled into <see cref="InsertPattern"/>).</summary>
    public string? InsertAfter { get; init; }

    /// <summary>"BOF" or a pattern (compiled into <see cref="InsertPattern"/>).</summary>
    public string? InsertBefore { get; init; }

    /// <summary>The insertafter/insertbefore pattern when it is not BOF/EOF.</summary>
    public PythonPattern? InsertPattern { get; init; }

    public bool Backrefs { get; init; }

    public bool FirstMatch { get; init; }
}
