using System.Diagnostics;
using System.Text;

namespace Orchestrator.Transport.Tests.Fixtures;

/// <summary>Runs a set-up command on the test machine (useradd, ssh-keygen...) with a time limit.</summary>
internal static class HostCommand
{
    public static string Run(string file, IEnumerable<string> arguments, string? stdin = null, bool check = true)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"cannot start {file}");
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within 60 s");
        }

        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} failed with exit {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    /// <summary>Every process's command line (NULs as spaces) and environment, for "is it visible in ps" checks.</summary>
    public static IEnumerable<(int Pid, string CommandLine, string Environment)> Processes()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string commandLine;
            string environment;
            try
            {
                commandLine = Encoding.UTF8.GetString(File.ReadAllBytes(directory + "/cmdline")).Replace('\0', ' ');
                environment = Encoding.UTF8.GetString(File.ReadAllBytes(directory + "/environ")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            yield return (pid, commandLine, environment);
        }
    }

    /// <summary>Polls a condition until it holds or the limit passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
