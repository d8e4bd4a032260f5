namespace Orchestrator.Modules.Tests.Support;

/// <summary>
/// An environment whose PATH holds only the named programs: whatever a script still answers under it was not
/// computed by any other program (proof that the shell's builtins did the work).
/// </summary>
public static class ProgramsOnly
{
    public static Dictionary<string, string> Path(TempDirectory temp, params string[] programs)
    {
        var bin = temp["bin-" + string.Join('-', programs)];
        Directory.CreateDirectory(bin);
        foreach (var program in programs)
        {
            File.CreateSymbolicLink(System.IO.Path.Combine(bin, program), "/usr/bin/" + program);
        }

        return new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = bin };
    }
}
