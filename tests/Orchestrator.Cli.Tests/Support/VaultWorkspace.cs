using System.Text;
using Orchestrator.Vault;

namespace Orchestrator.Cli.Tests.Support;

/// <summary>A temporary folder for playbooks that carry vault values encrypted with one password.</summary>
internal sealed class VaultWorkspace(string password) : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("orchestrate-vault-").FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public string Encrypt(string plaintext) => new VaultCipher().Encrypt(Encoding.UTF8.GetBytes(plaintext), password);

    /// <summary>Vault text indented to sit under a <c>key: !vault |</c> line.</summary>
    public string EncryptIndented(string plaintext, int spaces) =>
        string.Join("\n", Encrypt(plaintext).TrimEnd('\n').Split('\n').Select(line => new string(' ', spaces) + line));

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
