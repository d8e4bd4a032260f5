using HandlebarsDotNet;
using Orchestrator.Templating.Rendering;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>{{__capture expr}}</c>: hands the value of <c>expr</c> (not its text) to the render session, so a
/// template that is one helper call keeps the helper's result type. Internal: generated, never written by users.
/// </summary>
internal static class CaptureHelper
{
    public const string Name = "__capture";

    public static object? Invoke(Context context, Arguments arguments)
    {
        if (context.Value is VariableView root)
        {
            root.Session.Capture(arguments.Length > 0 ? arguments[0] : null);
        }

        return null;
    }
}
