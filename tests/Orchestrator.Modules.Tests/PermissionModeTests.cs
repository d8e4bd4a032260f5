using System.Globalization;
using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;

namespace Orchestrator.Modules.Tests;

public sealed class PermissionModeTests
{
    public static TheoryData<string, bool, string, string> Cases()
    {
        var data = new TheoryData<string, bool, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "symbolic-modes.txt")).Where(l => !l.StartsWith('#')))
        {
            // "0644 f u+x => 0744"
            var parts = line.Split(' ');
            data.Add(parts[0], parts[1] == "d", parts[2], parts[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Symbolic_modes_compute_what_GNU_chmod_does(string current, bool directory, string mode, string expected)
    {
        Assert.Equal(expected, PermissionMode.Format(PermissionMode.Apply(mode, Convert.ToInt32(current, 8), directory)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_fixture_agrees_with_chmod_on_this_machine(string current, bool directory, string mode, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp["x"];
        var transport = new ShellTransport();
        var create = directory ? "mkdir" : "touch";
        var result = await transport.RunAsync(
            new Core.Transport.CommandRequest(
                $"{create} {path} && chmod {current} {path} && chmod -- '{PermissionMode.ExplicitSymbolic(mode)}' {path} && stat -c %a {path}"),
            CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, int.Parse(result.StdoutText.Trim(), CultureInfo.InvariantCulture).ToString("0000", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("+x", "a+x")]
    [InlineData("u+x,-w,=r", "u+x,a-w,a=r")]
    [InlineData("0644", "0644")]
    public void Symbolic_modes_without_a_user_class_get_an_explicit_a(string mode, string expected)
    {
        Assert.Equal(expected, PermissionMode.ExplicitSymbolic(mode));
    }

    [Theory]
    [InlineData(0x1A4, "0644")]
    [InlineData(0x9ED, "4755")]
    [InlineData(0, "0000")]
    public void Modes_are_formatted_as_four_octal_digits(int permissions, string expected)
    {
        Assert.Equal(expected, PermissionMode.Format(permissions));
    }
}
