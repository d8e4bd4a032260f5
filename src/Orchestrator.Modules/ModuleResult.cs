namespace Orchestrator.Modules;

/// <summary>What one module run on one host produced; the engine turns it into the registered value and the output.</summary>
public sealed record ModuleResult
{
    public bool Changed { get; init; }

    public bool Failed { get; init; }

    public bool Skipped { get; init; }

    public string Message { get; init; } = "";

    public int? ReturnCode { get; init; }

    public string? Stdout { get; init; }

    public string? Stderr { get; init; }

    public FileDiff? Diff { get; init; }

    /// <summary>Module-specific fields of the registered result (stat's "stat", debug's var...).</summary>
    public IReadOnlyDictionary<string, object?> Data { get; init; } = new Dictionary<string, object?>();

    /// <summary>Variables the module sets on the host (set_fact, setup).</summary>
    public IReadOnlyDictionary<string, object?>? Facts { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The message is registered but not printed (assert's quiet: Ansible keeps msg, only not "verbose always").</summary>
    public bool Quiet { get; init; }

    public static ModuleResult Ok(string message = "") => new() { Message = message };

    public static ModuleResult Fail(string message) => new() { Failed = true, Message = message };

    public static ModuleResult Skip(string message) => new() { Skipped = true, Message = message };
}
