using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Inventory;

namespace Orchestrator.Cli;

/// <summary>--limit is checked before anything runs; a malformed pattern is a bad option (exit 5), not bad input.</summary>
internal static class LimitPattern
{
    public static void Check(HostInventory inventory, string? limit)
    {
        if (limit is null)
        {
            return;
        }

        try
        {
            inventory.Resolve(limit, new SourceLocation("--limit", 0, 0));
        }
        catch (UserErrorException error)
        {
            throw new UserErrorException(error.Diagnostics.Select(d => d with { Message = "--limit: " + d.Message }).ToList(), ExitCodes.BadOptions);
        }
    }
}
