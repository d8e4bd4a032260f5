using System.Diagnostics;
using Orchestrator.Modules.Tests.Support;

namespace Orchestrator.Modules.Tests.Apt;

/// <summary>Every command the apt*, and service fixture cases send (probes included) is valid POSIX sh, as dash reads it.</summary>
public sealed class PackageScriptSyntaxTests
{
    private static readonly string[] Prefixes = ["apt-", "apt_key-", "apt_repository-", "service-"];

    public static TheoryData<string> Cases() => new(FixtureCase.Names().Where(n => Prefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal))));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Commands_parse_in_sh(string name)
    {
        var fixture = FixtureCase.Load(name);
        var host = fixture.CreateHost();
        var module = ModuleRegistry.CreateDefault().FindModule(fixture.Module)!;
        await ModuleRunner.RunAsync(module, ModuleRunner.Context(module, fixture.Arguments, host, fixture.Check, fixture.Diff));

        foreach (var command in host.Commands.Select(c => c.Command))
        {
            var (code, errors) = await SyntaxCheckAsync(command);
            Assert.True(code == 0, $"sh -n rejects:\n{command}\n{errors}");
        }
    }

    private static async Task<(int Code, string Errors)> SyntaxCheckAsync(string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-n");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, errors);
    }
}
