using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Cli;

/// <summary>The -i paths, or ./inventory.yaml when none is given.</summary>
internal static class InventoryPaths
{
    public const string Default = "inventory.yaml";

    /// <returns>Empty when no -i was given and there is no ./inventory.yaml (the implicit localhost inventory applies).</returns>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? given)
    {
        if (given is null || given.Count == 0)
        {
            return File.Exists(Default) ? [Default] : [];
        }

        var missing = given.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new UserErrorException(
                missing.Select(p => new Diagnostic(new SourceLocation(p, 0, 0), $"inventory not found: {p}")).ToList(),
                ExitCodes.BadOptions);
        }

        return given;
    }
}
