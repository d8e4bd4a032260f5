using Orchestrator.Core.Transport;

namespace Orchestrator.Engine;

/// <summary>Works out whether and as whom a task runs through sudo: task/block, play, --become, then the host's ansible_become* variables.</summary>
internal static class BecomeResolver
{
    public static BecomeOptions? Resolve(RunContext run, TaskScope scope, IReadOnlyDictionary<string, object?> vars)
    {
        var become = scope.Become ?? AsBool(vars.GetValueOrDefault("ansible_become")) ?? run.Options.Become;
        if (!become)
        {
            return null;
        }

        var user = scope.BecomeUser ?? vars.GetValueOrDefault("ansible_become_user") as string ?? "root";
        var raw = vars.GetValueOrDefault("ansible_become_password") ?? vars.GetValueOrDefault("ansible_become_pass");
        var password = raw is string text
            ? run.Templates.RenderValue(text, vars, Orchestrator.Core.Diagnostics.SourceLocation.None)?.ToString()
            : raw?.ToString();
        run.Secrets.Register(password);
        return new BecomeOptions(user, password);
    }

    private static bool? AsBool(object? value) => value switch
    {
        bool b => b,
        string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase) => true,
        string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };
}
