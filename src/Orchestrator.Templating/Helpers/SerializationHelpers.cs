using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary><c>to_json value [indent]</c> (compact unless an indent is given) and <c>to_yaml value</c> (block style).</summary>
internal static class SerializationHelpers
{
    public static object? ToJson(HelperArguments args)
    {
        args.Expect(1, 2, "to_json value [indent]");
        var indent = args.Count > 1 ? args.Integer(1) : 0;
        return indent is < 0 or > 32 ? throw args.Fail("indent must be between 0 and 32") : JsonText.Write(args.Value(0), (int)indent);
    }

    public static object? ToYaml(HelperArguments args)
    {
        args.Expect(1, 1, "to_yaml value");
        return YamlText.Write(args.Value(0)).TrimEnd('\n');
    }
}
