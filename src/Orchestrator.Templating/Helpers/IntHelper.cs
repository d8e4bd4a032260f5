using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>int value [fallback]</c>: a whole number from a number or numeric string. Unlike Ansible's filter, which
/// quietly gives 0, a value that is not a number is an error unless a fallback is given.
/// </summary>
internal static class IntHelper
{
    public static object? Invoke(HelperArguments args)
    {
        args.Expect(1, 2, "int value [fallback]");
        if (ValueConversion.TryToLong(args.Value(0), out var number))
        {
            return number;
        }

        return args.Count > 1 ? args.Value(1) : throw args.Fail($"{ValueText.Describe(args.Value(0))} is not a number");
    }
}
