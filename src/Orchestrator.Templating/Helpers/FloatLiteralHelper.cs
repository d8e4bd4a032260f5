using System.Globalization;
using HandlebarsDotNet;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>(__float "1.5")</c>: a double. Handlebars.Net reads a decimal literal argument as the string "1.5", so
/// <c>{{ default ratio 0.5 }}</c> would yield a string; the source rewrite turns such literals into this call.
/// Internal: generated, never written by users.
/// </summary>
internal static class FloatLiteralHelper
{
    public const string Name = "__float";

    public static object? Invoke(Context context, Arguments arguments) =>
        double.Parse(Convert.ToString(arguments[0], CultureInfo.InvariantCulture) ?? "", NumberStyles.Float, CultureInfo.InvariantCulture);
}
