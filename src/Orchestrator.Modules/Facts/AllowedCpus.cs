using System.Globalization;

namespace Orchestrator.Modules.Facts;

/// <summary>
/// The number of CPUs in the kernel's <c>Cpus_allowed_list</c> line of <c>/proc/self/status</c> ("0-3,6"): the
/// affinity mask <c>nproc</c> counts too (sched_getaffinity), read by the facts script's shell instead of starting
/// <c>nproc</c>.
/// </summary>
internal static class AllowedCpus
{
    private const string Key = "Cpus_allowed_list:";

    /// <summary>The count, or null when the line is not one the kernel prints.</summary>
    public static long? Count(string? line)
    {
        if (line is null || !line.StartsWith(Key, StringComparison.Ordinal))
        {
            return null;
        }

        long count = 0;
        foreach (var range in line[Key.Length..].Trim().Split(','))
        {
            var bounds = range.Split('-');
            if (bounds.Length > 2 || !TryNumber(bounds[0], out var first))
            {
                return null;
            }

            var last = first;
            if (bounds.Length == 2 && (!TryNumber(bounds[1], out last) || last < first))
            {
                return null;
            }

            count += last - first + 1;
        }

        return count > 0 ? count : null;
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
