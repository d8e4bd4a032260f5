namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Operators bring Jinja habits: <c>hostvars['web1']</c> is no Handlebars path, and reads as one undefined name.
/// The message then says how Handlebars writes it.
/// </summary>
public static class JinjaPathHint
{
    public static string For(string name) =>
        name.Contains("['", StringComparison.Ordinal) || name.Contains("[\"", StringComparison.Ordinal)
            ? " (templates are Handlebars: a path uses dots, as hostvars.web1.x; a name with other characters goes in brackets without quotes, as hostvars.[web-1].x)"
            : "";
}
