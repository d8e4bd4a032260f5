namespace Orchestrator.Vault.Tests.Support;

internal static class Fixture
{
    /// <summary>The password every fixture was encrypted with.</summary>
    public const string Password = "orchestrate";

    /// <summary>The salt of the known-answer fixtures: bytes 0, 1, ..., 31.</summary>
    public static byte[] Salt => [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
