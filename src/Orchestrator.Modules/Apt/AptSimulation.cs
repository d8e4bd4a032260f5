using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// What <c>apt-get -s</c> says a whole-system upgrade would do: its <c>Inst</c> and <c>Remv</c> lines, each a
/// package with its version before and after ("absent" for none), or apt's own error lines when it cannot plan.
/// </summary>
internal sealed partial record AptSimulation(IReadOnlyList<(string Name, string Before, string After)> Steps, string? Error)
{
    public static AptSimulation Parse(string output)
    {
        var steps = new List<(string, string, string)>();
        var errors = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("E: ", StringComparison.Ordinal))
            {
                errors.Add(line);
                continue;
            }

            var match = StepPattern().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var before = match.Groups["before"].Success ? match.Groups["before"].Value : "absent";
            var after = match.Groups["kind"].Value == "Remv" ? "absent" : match.Groups["after"].Success ? match.Groups["after"].Value : "(candidate)";
            steps.Add((match.Groups["name"].Value, before, after));
        }

        return new AptSimulation(steps, errors.Count > 0 ? string.Join("; ", errors) : null);
    }

    // "Inst libfoo1 [1.0-1] (1.1-1 Debian:12.5/stable [amd64])", "Inst newpkg (2.0-1 ...)", "Remv oldpkg [0.9-3]".
    [GeneratedRegex(@"^(?<kind>Inst|Remv) (?<name>\S+)(?: \[(?<before>[^\]]+)\])?(?: \((?<after>\S+))?")]
    private static partial Regex StepPattern();
}
