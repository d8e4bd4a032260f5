using Orchestrator.Core.Modules;
using Orchestrator.Modules.Files;
using FileAttributes = Orchestrator.Modules.Files.FileAttributes;

namespace Orchestrator.Modules.Text;

/// <summary>lineinfile's declared arguments (Ansible's names and aliases) and their checks beyond types.</summary>
internal static class LineInFileArguments
{
    public static IReadOnlyList<ArgumentSpec> All { get; } =
    [
        new ArgumentSpec("path", ArgumentType.Path, "The file to edit on the host. A symbolic link is followed: its target is edited.") { Required = true, Aliases = ["dest", "destfile", "name"] },
        new ArgumentSpec("state", ArgumentType.String, "present: the line should be there; absent: every matching line is removed.") { Default = "present", Choices = ["present", "absent"] },
        new ArgumentSpec("line", ArgumentType.String, "The line to put in the file (state=present) or to remove (state=absent, when neither regexp nor search_string is given). With backrefs, \\1 or \\g<name> are replaced by the regexp's groups.") { Aliases = ["value"] },
        new ArgumentSpec("regexp", ArgumentType.String, "Python-style regular expression looked for in every line (without its line ending). present: the last matching line (first with firstmatch) is replaced by line; absent: matching lines are removed. (?P<name>...) groups work; a match taking more than 5 s fails the task.") { Aliases = ["regex"] },
        new ArgumentSpec("search_string", ArgumentType.String, "Literal text looked for in every line, used like regexp but without any special characters."),
        new ArgumentSpec("insertafter", ArgumentType.String, "Where a new line goes when regexp/search_string match nothing and the line is not there yet: EOF (the default), BOF, or a regular expression: after its last matching line (first with firstmatch), or at the end of the file when nothing matches."),
        new ArgumentSpec("insertbefore", ArgumentType.String, "Like insertafter, but before the matching line; BOF puts the line first."),
        new ArgumentSpec("backrefs", ArgumentType.Bool, "Expand \\1 and \\g<name> in line from the regexp's match. When regexp matches no line, the file is left as it is (no line is added).") { Default = false },
        new ArgumentSpec("firstmatch", ArgumentType.Bool, "Use the first line matching regexp/search_string or insertafter/insertbefore instead of the last.") { Default = false },
        new ArgumentSpec("create", ArgumentType.Bool, "With state=present, create a missing file (and its folders); otherwise a missing file fails the task.") { Default = false },
        new ArgumentSpec("backup", ArgumentType.Bool, "Before changing the file, keep a copy named <path>.<pid>.<date@time>~ (reported as backup).") { Default = false },
        FileArguments.Validate,
        .. FileArguments.Attributes,
    ];

    public static IReadOnlyList<IReadOnlyList<string>> MutuallyExclusive { get; } =
        [["insertbefore", "insertafter"], ["regexp", "search_string"], ["backrefs", "search_string"]];

    /// <summary>Ansible's refusals of argument combinations its spec cannot express; null when the task is fine.</summary>
    public static string? Problem(ModuleArguments arguments)
    {
        var present = arguments.GetString("state") != "absent";
        if (present && arguments.GetBool("backrefs") && !arguments.Has("regexp"))
        {
            return "regexp is required with backrefs=true";
        }

        if (present && !arguments.Has("line"))
        {
            return "line is required with state=present";
        }

        if (!present && !arguments.Has("line") && !arguments.Has("regexp") && !arguments.Has("search_string"))
        {
            return "one of line, search_string, or regexp is required with state=absent";
        }

        return FileAttributes.From(arguments).Problem;
    }

    /// <summary>Ansible's warning for an empty regexp or search_string, which matches every line.</summary>
    public static IReadOnlyList<string> Warnings(ModuleArguments arguments)
    {
        var (name, extra) = arguments.GetString("regexp") == "" ? ("regular expression", " If this is desired, use '^' to match every line in the file and avoid this warning.")
            : arguments.GetString("search_string") == "" ? ("search string", "")
            : (null, "");
        return name is null
            ? []
            : [$"The {name} is an empty string, which will match every line in the file. This may have unintended consequences, such as replacing the last line in the file rather than appending.{extra}"];
    }
}
