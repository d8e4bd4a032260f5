using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Inventory;

namespace Orchestrator.Cli;

/// <summary>
/// --limit is checked before anything runs or is listed. A malformed pattern, or one that matches no host, is a bad
/// option (exit 5), not bad input: the value on the command line is what to fix.
/// </summary>
internal static class LimitPattern
{
    private static readonly SourceLocation Where = new("--limit", 0, 0);

    public static void Check(HostInventory inventory, string? limit)
    {
        if (limit is null)
        {
            return;
        }

        IReadOnlyList<string> hosts;
        try
        {
            hosts = inventory.Resolve(limit, Where);
        }
        catch (UserErrorException error)
        {
            throw new UserErrorException(error.Diagnostics.Select(d => d with { Message = "--limit: " + d.Message }).ToList(), ExitCodes.BadOptions);
        }

        // As ansible-playbook: a limit that leaves no host is most likely a typo, and running every play as
        // "no hosts matched" would let it pass with exit 0. A play's own hosts: matching nothing stays a warning.
        if (hosts.Count == 0)
        {
            throw new UserErrorException(Where, $"--limit: host pattern '{limit}' matches no host of the inventory; nothing was run", ExitCodes.BadOptions);
        }
    }
}
