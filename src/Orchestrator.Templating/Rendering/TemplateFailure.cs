namespace Orchestrator.Templating.Rendering;

/// <summary>
/// A rendering error before it is located: thrown from deep inside Handlebars (formatter, helpers, lazy
/// variables) and turned into a located <c>UserErrorException</c> by the engine, which knows the template text.
/// </summary>
internal sealed class TemplateFailure : Exception
{
    private TemplateFailure(TemplateFailureKind kind, string subject, string detail, IReadOnlyList<string> chain)
        : base(Compose(kind, subject, detail, chain))
    {
        Kind = kind;
        Subject = subject;
        Detail = detail;
        Chain = chain;
    }

    public TemplateFailureKind Kind { get; }

    /// <summary>The variable (undefined) or helper (helper error) the message is about.</summary>
    public string Subject { get; }

    public string Detail { get; }

    /// <summary>Lazy variables being rendered when it failed, outermost first.</summary>
    public IReadOnlyList<string> Chain { get; }

    /// <summary>What to look for in the template text to place the error: the outermost variable, else the subject.</summary>
    public string LocateToken => Chain.Count > 0 ? Chain[0] : Subject;

    public static TemplateFailure Undefined(string variable) => new(TemplateFailureKind.UndefinedVariable, variable, "", []);

    public static TemplateFailure Helper(string helper, string detail) => new(TemplateFailureKind.Helper, helper, detail, []);

    public static TemplateFailure Cycle(IReadOnlyList<string> names) =>
        new(TemplateFailureKind.Cycle, names[0], string.Join(" -> ", names), []);

    public static TemplateFailure Other(string detail) => new(TemplateFailureKind.Other, "", detail, []);

    /// <summary>The same failure seen from one lazy variable further out.</summary>
    public TemplateFailure Via(string variable) => new(Kind, Subject, Detail, [variable, .. Chain]);

    /// <summary>The message, with <paramref name="subject"/> standing for <see cref="Subject"/> (a fuller path found in the template).</summary>
    public string MessageFor(string subject) => Compose(Kind, subject, Detail, Chain);

    private static string Compose(TemplateFailureKind kind, string subject, string detail, IReadOnlyList<string> chain)
    {
        var via = chain.Count > 0 ? $" (via {string.Join(" -> ", chain)})" : "";
        return kind switch
        {
            TemplateFailureKind.UndefinedVariable => $"undefined variable '{subject}'{via}{JinjaPathHint.For(subject)}",
            TemplateFailureKind.Helper => $"helper '{subject}': {detail}{via}",
            TemplateFailureKind.Cycle => $"variable cycle: {detail}",
            _ => detail + via,
        };
    }
}
