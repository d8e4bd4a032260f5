using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>and a b ...</c>, <c>or a b ...</c>, <c>not a</c>, with Python truthiness; like <c>{{#if}}</c>, they read an
/// undefined value as false instead of failing, so <c>{{#if (and x y)}}</c> works for optional variables.
/// </summary>
internal static class LogicHelpers
{
    public static object? And(HelperArguments args)
    {
        args.Expect(1, int.MaxValue, "and a b");
        for (var i = 0; i < args.Count; i++)
        {
            if (!Truthiness.IsTrue(args.ValueOrNull(i)))
            {
                return false;
            }
        }

        return true;
    }

    public static object? Or(HelperArguments args)
    {
        args.Expect(1, int.MaxValue, "or a b");
        for (var i = 0; i < args.Count; i++)
        {
            if (Truthiness.IsTrue(args.ValueOrNull(i)))
            {
                return true;
            }
        }

        return false;
    }

    public static object? Not(HelperArguments args)
    {
        args.Expect(1, 1, "not a");
        return !Truthiness.IsTrue(args.ValueOrNull(0));
    }
}
