using Orchestrator.Core.Modules;

namespace Orchestrator.Playbooks.Tests.Fakes;

/// <summary>A few module specs shaped like the real ones, enough to exercise every parser path.</summary>
internal sealed class FakeModuleCatalog : IModuleCatalog
{
    private static readonly ModuleSpec[] Specs =
    [
        new("command", "run a command", [Arg("cmd"), Arg("argv", ArgumentType.List), Arg("chdir", ArgumentType.Path), Arg("creates", ArgumentType.Path)])
        {
            FreeFormArgument = "cmd",
            RequiredOneOf = [["cmd", "argv"]],
            MutuallyExclusive = [["cmd", "argv"]],
        },
        new("shell", "run through a shell", [Arg("cmd"), Arg("chdir", ArgumentType.Path), Arg("executable", ArgumentType.Path)])
        {
            FreeFormArgument = "cmd",
            RequiredOneOf = [["cmd"]],
        },
        new("copy", "copy a file", [Arg("src", ArgumentType.Path), Arg("content"), Arg("dest", ArgumentType.Path) with { Required = true, Aliases = ["path"] }, Arg("mode", ArgumentType.Mode), Arg("backup", ArgumentType.Bool)])
        {
            RequiredOneOf = [["src", "content"]],
            MutuallyExclusive = [["src", "content"]],
        },
        new("template", "render a template", [Arg("src", ArgumentType.Path) with { Required = true }, Arg("dest", ArgumentType.Path) with { Required = true }]),
        new("debug", "print", [Arg("msg", ArgumentType.Raw), Arg("var", ArgumentType.Raw), Arg("verbosity", ArgumentType.Int)])
        {
            MutuallyExclusive = [["msg", "var"]],
        },
        new("meta", "engine actions", [Arg("free_form") with { Required = true, Choices = ["flush_handlers", "noop", "end_play"] }])
        {
            FreeFormArgument = "free_form",
        },
        new("set_fact", "set variables", []) { AcceptsAnyArguments = true },
        new("service", "manage a service", [Arg("name") with { Required = true }, Arg("state") with { Choices = ["started", "stopped", "restarted"] }, Arg("enabled", ArgumentType.Bool)]),
        new("apt", "packages", [Arg("name", ArgumentType.List), Arg("state"), Arg("update_cache", ArgumentType.Bool)]),
        new("assert", "check conditions", [Arg("that", ArgumentType.List) with { Required = true }, Arg("fail_msg")]),
        new("ping", "nothing", []),
    ];

    public IEnumerable<ModuleSpec> All => Specs;

    public ModuleSpec? Find(string name) => Specs.FirstOrDefault(s => s.Name == name);

    private static ArgumentSpec Arg(string name, ArgumentType type = ArgumentType.String) => new(name, type, name);
}
