namespace Orchestrator.Templating.Tests;

/// <summary>Deep equality of plain values that also checks types (22L is not "22", a list is not its JSON).</summary>
internal static class PlainAssert
{
    public static void Equal(object? expected, object? actual, string path = "value")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {Show(actual)}");
                break;
            case List<object?> list:
                var actualList = Assert.IsType<List<object?>>(actual);
                Assert.True(list.Count == actualList.Count, $"{path}: expected {list.Count} items, got {actualList.Count}");
                for (var i = 0; i < list.Count; i++)
                {
                    Equal(list[i], actualList[i], $"{path}[{i}]");
                }

                break;
            case Dictionary<string, object?> mapping:
                var actualMapping = Assert.IsType<Dictionary<string, object?>>(actual);
                Assert.Equal(mapping.Keys.Order(), actualMapping.Keys.Order());
                foreach (var (key, value) in mapping)
                {
                    Equal(value, actualMapping[key], $"{path}.{key}");
                }

                break;
            default:
                Assert.True(actual is not null && expected.GetType() == actual.GetType() && expected.Equals(actual),
                    $"{path}: expected {Show(expected)}, got {Show(actual)}");
                break;
        }
    }

    private static string Show(object? value) => value is null ? "null" : $"{value.GetType().Name} '{value}'";
}
