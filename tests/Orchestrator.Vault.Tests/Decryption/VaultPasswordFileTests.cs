using System.Text;
using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Vault.Tests.Support;

namespace Orchestrator.Vault.Tests.Decryption;

public sealed class VaultPasswordFileTests
{
    private static readonly string Sample = new VaultCipher().Encrypt("ok"u8.ToArray(), "pass word");

    [Theory]
    [InlineData("pass word\n")]
    [InlineData("pass word\r\n")]
    [InlineData("  pass word \t\n\n")]
    public void A_plain_file_gives_its_content_with_surrounding_whitespace_stripped_as_ansible_does(string content)
    {
        using var folder = new TempFolder();

        var secret = VaultPasswordFile.Read(folder.Write("pw", content));

        Assert.Equal("ok"u8.ToArray(), new VaultCipher().Decrypt(Sample, secret));
    }

    [Fact]
    public void An_executable_file_is_run_and_its_stdout_is_the_password()
    {
        using var folder = new TempFolder();

        var secret = VaultPasswordFile.Read(folder.Script("pw.sh", "printf 'pass word\\n'"));

        Assert.Equal("ok"u8.ToArray(), new VaultCipher().Decrypt(Sample, secret));
    }

    [Fact]
    public void Raw_bytes_are_the_password_not_a_re_encoding_of_them()
    {
        using var folder = new TempFolder();
        var password = Encoding.UTF8.GetBytes("pässwörd");
        var text = new VaultCipher().Encrypt([7], VaultSecret.FromBytes(password));

        var secret = VaultPasswordFile.Read(folder.Write("pw", [.. password, (byte)'\n']));

        Assert.Equal([7], new VaultCipher().Decrypt(text, secret));
    }

    [Theory]
    [InlineData("exit 3", "exited with code 3")]
    [InlineData("printf '\\n'", "empty password")]
    public void A_failing_or_empty_script_is_a_command_line_error(string body, string message)
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<UserErrorException>(() => VaultPasswordFile.Read(folder.Script("pw.sh", body)));

        Assert.Equal(ExitCodes.BadOptions, error.ExitCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_that_hangs_is_stopped_after_the_timeout()
    {
        using var folder = new TempFolder();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<UserErrorException>(() => VaultPasswordFile.Read(folder.Script("pw.sh", "sleep 30"), TimeSpan.FromMilliseconds(300)));

        Assert.Contains("did not finish", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_missing_or_empty_file_is_a_command_line_error()
    {
        using var folder = new TempFolder();

        var missing = Assert.Throws<UserErrorException>(() => VaultPasswordFile.Read(folder.File("nope")));
        var empty = Assert.Throws<UserErrorException>(() => VaultPasswordFile.Read(folder.Write("pw", " \n")));

        Assert.Equal(ExitCodes.BadOptions, missing.ExitCode);
        Assert.Contains("not found", missing.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadOptions, empty.ExitCode);
        Assert.Equal(new SourceLocation(folder.File("pw"), 0, 0), empty.Diagnostics[0].Location);
    }
}
