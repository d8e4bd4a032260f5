using HandlebarsDotNet;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>{{__braces n}}</c>: n closing braces. Stands in for braces that directly follow an expression, which
/// Handlebars.Net cannot parse; see <see cref="Rendering.HandlebarsSource"/>. Internal: generated, never written by users.
/// </summary>
internal static class BraceHelper
{
    public const string Name = "__braces";

    public static object? Invoke(Context context, Arguments arguments) =>
        new string('}', Convert.ToInt32(arguments[0], System.Globalization.CultureInfo.InvariantCulture));
}
