using HandlebarsDotNet;
using Orchestrator.Templating.Rendering;

namespace Orchestrator.Templating.Helpers;

/// <summary><c>(__defined x)</c>: x itself, or the "undefined variable" error. See <see cref="HandlebarsSource"/>.</summary>
internal static class DefinedGuardHelper
{
    public const string Name = "__defined";

    public static object? Invoke(Context context, Arguments arguments) => arguments[0] switch
    {
        UndefinedBindingResult undefined => throw TemplateFailure.Undefined(undefined.Value),
        var value => value,
    };
}
