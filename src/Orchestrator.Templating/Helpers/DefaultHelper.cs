namespace Orchestrator.Templating.Helpers;

/// <summary><c>default value fallback</c>: the fallback when value is undefined, null or the empty string.</summary>
internal static class DefaultHelper
{
    public static object? Invoke(HelperArguments args)
    {
        args.Expect(2, 2, "default value fallback");
        if (args.IsUndefined(0))
        {
            return args.Value(1);
        }

        return args.Value(0) is null or "" ? args.Value(1) : args.Value(0);
    }
}
