using Orchestrator.Core.Output;

namespace Orchestrator.Output.Console;

/// <summary>One PLAY RECAP line, padded as ansible's hostcolor ("%-26s") and colorize ("%s=%-4s") pad it.</summary>
internal static class RecapLine
{
    public static string Format(string host, HostStats stats, bool colour)
    {
        var hostText = host.PadRight(26);
        if (colour)
        {
            // hostcolor pads the coloured text to 37 (26 + the 11 escape characters), so the visible width is the same.
            var coloured = AnsiColour.Wrap(host, HostColour(stats), true);
            hostText = coloured.PadRight(37);
        }

        return string.Join(' ',
            hostText + " :",
            Count("ok", stats.Ok, AnsiColour.Ok, colour),
            Count("changed", stats.Changed, AnsiColour.Changed, colour),
            Count("unreachable", stats.Unreachable, AnsiColour.Unreachable, colour),
            Count("failed", stats.Failed, AnsiColour.Error, colour),
            Count("skipped", stats.Skipped, AnsiColour.Skip, colour),
            Count("rescued", stats.Rescued, AnsiColour.Ok, colour),
            Count("ignored", stats.Ignored, AnsiColour.Warn, colour));
    }

    private static string HostColour(HostStats stats)
    {
        if (stats.Failed != 0 || stats.Unreachable != 0)
        {
            return AnsiColour.Error;
        }

        return stats.Changed != 0 ? AnsiColour.Changed : AnsiColour.Ok;
    }

    private static string Count(string name, int value, string code, bool colour)
    {
        var text = $"{name}={value,-4}";
        return AnsiColour.Wrap(text, value != 0 ? code : null, colour);
    }
}
