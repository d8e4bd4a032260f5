using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Playbooks.Parsing;

namespace Orchestrator.Playbooks.Validation;

/// <summary>Checks a task's raw arguments with <see cref="ArgumentBinder"/> (templates deferred) and locates each problem.</summary>
internal static class ArgumentValidator
{
    public static void Validate(ParseSession session, ModuleSpec spec, ModuleArgumentSet arguments, SourceLocation moduleKey)
    {
        var (_, problems) = ArgumentBinder.Bind(spec, arguments.Values, deferTemplates: true);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in problems.Where(p => !arguments.Malformed || arguments.Values.ContainsKey(p.Argument)))
        {
            // A value of the wrong type is not bound, so the binder also calls a required argument missing: say it once.
            var written = Locate(spec, arguments, problem.Argument) is not null;
            if (written && !reported.Add(spec.Find(problem.Argument)?.Name ?? problem.Argument))
            {
                continue;
            }

            var location = Locate(spec, arguments, problem.Argument) ?? moduleKey;
            var hint = spec.AcceptsAnyArguments || spec.Find(problem.Argument) is not null || !arguments.Values.ContainsKey(problem.Argument)
                ? ""
                : Suggest.Hint(problem.Argument, spec.Arguments.Select(a => a.Name));
            session.Error(location, problem.Message + hint);
        }
    }

    private static SourceLocation? Locate(ModuleSpec spec, ModuleArgumentSet arguments, string name)
    {
        if (arguments.Locations.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (written, location) in arguments.Locations)
        {
            if (spec.Find(written)?.Name == name)
            {
                return location;
            }
        }

        return null;
    }
}
