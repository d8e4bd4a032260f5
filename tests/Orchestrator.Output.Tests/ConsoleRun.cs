namespace Orchestrator.Output.Tests;

internal static class ConsoleRun
{
    public static string Capture(ConsoleOptions options, bool checkMode = false)
    {
        using var writer = new StringWriter();
        using (var observer = new ConsoleObserver(writer, options))
        {
            ScriptedRun.Play(observer, checkMode);
        }

        return writer.ToString();
    }

    public static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name));
}
