namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>add a b ...</c> (sum of whole numbers) and <c>div a b</c> (floor division): what the Mesos content needs to
/// derive a 1-based <c>zookeeper_id</c> and a majority quorum (⌊n/2⌋+1) without writing them by hand.
/// </summary>
internal static class ArithmeticHelpers
{
    public static object? Add(HelperArguments args)
    {
        args.Expect(2, int.MaxValue, "add a b ...");
        var sum = 0L;
        for (var index = 0; index < args.Count; index++)
        {
            sum = checked(sum + args.Integer(index));
        }

        return sum;
    }

    public static object? Divide(HelperArguments args)
    {
        args.Expect(2, 2, "div a b");
        var divisor = args.Integer(1);
        return divisor == 0 ? throw args.Fail("division by zero") : (object)(long)Math.Floor((double)args.Integer(0) / divisor);
    }
}
