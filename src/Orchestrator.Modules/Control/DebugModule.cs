using System.Globalization;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Values;

namespace Orchestrator.Modules.Control;

/// <summary>Prints a message or a variable's value; never changes anything.</summary>
internal sealed class DebugModule : IModule
{
    internal const string Undefined = "VARIABLE IS NOT DEFINED!";

    public ModuleSpec Spec { get; } = new(
        "debug",
        "Prints a message or the value of a variable. Never changes anything.",
        [
            new ArgumentSpec("msg", ArgumentType.Raw, "The message to print (a string, list or mapping).") { Default = "Hello world!" },
            new ArgumentSpec("var", ArgumentType.String, "An expression (a variable path such as 'result.stdout') whose value is printed; registered as the value under that name."),
            new ArgumentSpec("verbosity", ArgumentType.Int, "Print only when run with at least this many -v; below that the task is skipped.") { Default = 0L },
        ])
    {
        MutuallyExclusive = [["msg", "var"]],
    };

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        if (arguments.GetInt("verbosity") is { } wanted && wanted > context.Verbosity)
        {
            return Task.FromResult(ModulePlan.Done(ModuleResult.Skip($"verbosity threshold {wanted} not reached")));
        }

        var expression = arguments.GetString("var");
        if (expression is null)
        {
            var message = arguments.GetRaw("msg");
            var result = ModuleResult.Ok(Text(message)) with { Data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["msg"] = message } };
            return Task.FromResult(ModulePlan.Done(result));
        }

        object? value;
        var warnings = new List<string>();
        try
        {
            value = context.Templates.EvaluateExpression(expression, context.Variables, context.TaskLocation);
        }
        catch (UserErrorException error)
        {
            // Ansible prints this marker rather than failing, so debugging an unset variable is possible.
            value = Undefined;
            warnings.Add(error.Message);
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { [expression] = value };
        return Task.FromResult(ModulePlan.Done(ModuleResult.Ok() with { Data = data, Warnings = warnings }));
    }

    // Not PlainText.Of: a boolean msg stays JSON's true/false here, as Ansible's debug shows it, not True/False.
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => PlainJson.Write(value),
    };
}
