using System.ComponentModel;
using System.Diagnostics;
using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Vault;

/// <summary>
/// The plaintext of a vault file while an editor has it: in a 0600 file inside a private 0700 temporary
/// folder, overwritten with zeros and removed (with anything the editor left beside it) on dispose.
/// </summary>
internal sealed class VaultEditSession : IDisposable
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = PrivateFile | UnixFileMode.UserExecute;

    private readonly DirectoryInfo folder;
    private readonly string vaultPath;

    public VaultEditSession(string vaultPath, ReadOnlySpan<byte> plaintext)
    {
        this.vaultPath = vaultPath;
        folder = Directory.CreateTempSubdirectory("orchestrate-vault-");
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder.FullName, PrivateFolder);
            }

            // The same file name, so the editor picks the right syntax highlighting.
            FilePath = Path.Combine(folder.FullName, Path.GetFileName(vaultPath));
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFile;
            }

            using var stream = new FileStream(FilePath, options);
            stream.Write(plaintext);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string FilePath { get; } = "";

    /// <returns>The file's content after the editor exited successfully.</returns>
    public byte[] RunEditor(string editor, CancellationToken cancellationToken)
    {
        // Like git, $EDITOR is a shell command line ("code --wait" works); the file is one quoted argument.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", editor + " \"$1\"", "sh", FilePath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartEditor(start, editor);
        try
        {
            process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new UserErrorException(new SourceLocation(vaultPath, 0, 0), $"the editor ({editor}) exited with code {process.ExitCode}; {vaultPath} was not changed", ExitCodes.OtherError);
        }

        return File.ReadAllBytes(FilePath);
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(FilePath))
            {
                // Overwrite before removing: the plaintext should not linger in free blocks longer than needed.
                var length = new FileInfo(FilePath).Length;
                File.WriteAllBytes(FilePath, new byte[length]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Removal below still runs.
        }

        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the folder is private to this user.
        }
    }

    private Process StartEditor(ProcessStartInfo start, string editor)
    {
        try
        {
            return Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception ex)
        {
            throw new UserErrorException(new SourceLocation(vaultPath, 0, 0), $"cannot run the editor ({editor}): {ex.Message}", ExitCodes.OtherError);
        }
    }
}
