using Orchestrator.Core.Modules;

namespace Orchestrator.Core.Tests.Modules;

public sealed class ArgumentBinderTests
{
    private static readonly ModuleSpec File = new("file", "test module",
    [
        new ArgumentSpec("path", ArgumentType.Path, "where") { Required = true, Aliases = ["dest", "name"] },
        new ArgumentSpec("state", ArgumentType.String, "what") { Default = "file", Choices = ["file", "directory", "absent"] },
        new ArgumentSpec("mode", ArgumentType.Mode, "mode"),
        new ArgumentSpec("force", ArgumentType.Bool, "force") { Default = false },
        new ArgumentSpec("retries", ArgumentType.Int, "how often"),
        new ArgumentSpec("groups", ArgumentType.List, "groups"),
        new ArgumentSpec("env", ArgumentType.Dict, "environment"),
        new ArgumentSpec("anything", ArgumentType.Raw, "as is"),
    ]);

    private static readonly ModuleSpec Copy = new("copy", "test module",
    [
        new ArgumentSpec("src", ArgumentType.Path, "source"),
        new ArgumentSpec("content", ArgumentType.String, "text") { Aliases = ["text"] },
        new ArgumentSpec("dest", ArgumentType.Path, "target") { Required = true },
    ])
    {
        RequiredOneOf = [["src", "content"]],
        MutuallyExclusive = [["src", "content"]],
    };

    [Fact]
    public void Unknown_argument_names_the_accepted_ones()
    {
        var problems = Problems(File, ("path", "/x"), ("colour", "red"));

        var problem = Assert.Single(problems);
        Assert.Equal("colour", problem.Argument);
        Assert.Equal("module 'file' has no argument 'colour' (it accepts: path, state, mode, force, retries, groups, env, anything)", problem.Message);
    }

    [Fact]
    public void Any_argument_is_kept_when_the_module_accepts_any()
    {
        var spec = new ModuleSpec("set_fact", "facts", []) { AcceptsAnyArguments = true };

        var (arguments, problems) = ArgumentBinder.Bind(spec, Raw(("x", 1L), ("y", "two")), deferTemplates: false);

        Assert.Empty(problems);
        Assert.Equal(1L, arguments.GetRaw("x"));
        Assert.Equal("two", arguments.GetRaw("y"));
    }

    [Theory]
    [InlineData("path")]
    [InlineData("dest")]
    [InlineData("name")]
    public void Aliases_bind_to_the_canonical_name(string written)
    {
        var arguments = Bound(File, (written, "/etc/x"));

        Assert.Equal("/etc/x", arguments.GetString("path"));
        Assert.False(arguments.Values.ContainsKey("dest"));
        Assert.False(arguments.Values.ContainsKey("name"));
    }

    [Fact]
    public void Same_argument_twice_through_an_alias_is_a_problem()
    {
        var problems = Problems(File, ("path", "/a"), ("dest", "/b"));

        var problem = Assert.Single(problems);
        Assert.Equal("dest", problem.Argument);
        Assert.Equal("argument 'path' is given twice (once as 'dest')", problem.Message);
    }

    [Fact]
    public void Same_argument_twice_is_a_problem_even_when_the_first_value_was_bad()
    {
        var problems = Problems(File, ("path", new List<object?>()), ("dest", "/b"));

        Assert.Equal(["path", "dest"], problems.Select(p => p.Argument));
        Assert.Equal("argument 'path' is given twice (once as 'dest')", problems[1].Message);
    }

    [Fact]
    public void Required_argument_with_a_bad_value_is_not_also_reported_missing()
    {
        var problems = Problems(File, ("path", "/x"), ("retries", "x"));
        var badRequired = Problems(File, ("dest", new Dictionary<string, object?>()));

        Assert.Single(problems);
        Assert.Equal("argument 'dest' of module 'file' must be a string, not a mapping", Assert.Single(badRequired).Message);
    }

    [Fact]
    public void Missing_required_argument_is_a_problem()
    {
        var problems = Problems(File, ("state", "file"));

        var problem = Assert.Single(problems);
        Assert.Equal("path", problem.Argument);
        Assert.Equal("module 'file' requires argument 'path'", problem.Message);
    }

    [Fact]
    public void Defaults_fill_in_what_is_not_given()
    {
        var arguments = Bound(File, ("path", "/x"));

        Assert.Equal("file", arguments.GetString("state"));
        Assert.Equal(false, arguments.GetRaw("force"));
        Assert.False(arguments.Values.ContainsKey("mode"));
        Assert.False(arguments.Has("mode"));
    }

    [Fact]
    public void Given_value_beats_the_default()
    {
        var arguments = Bound(File, ("path", "/x"), ("force", "yes"), ("state", "absent"));

        Assert.True(arguments.GetBool("force"));
        Assert.Equal("absent", arguments.GetString("state"));
    }

    [Fact]
    public void Required_one_of_is_a_problem_when_none_is_given()
    {
        var problems = Problems(Copy, ("dest", "/x"));

        var problem = Assert.Single(problems);
        Assert.Equal("module 'copy' needs one of: src, content", problem.Message);
    }

    [Fact]
    public void Required_one_of_is_met_through_an_alias()
    {
        Assert.Empty(Problems(Copy, ("dest", "/x"), ("text", "hello")));
    }

    [Fact]
    public void Mutually_exclusive_arguments_are_a_problem_together()
    {
        var problems = Problems(Copy, ("dest", "/x"), ("src", "a"), ("text", "b"));

        var problem = Assert.Single(problems);
        Assert.Equal("content", problem.Argument);
        Assert.Equal("module 'copy': arguments src and content cannot be used together", problem.Message);
    }

    [Fact]
    public void Value_outside_the_choices_is_a_problem()
    {
        var problems = Problems(File, ("path", "/x"), ("state", "gone"));

        Assert.Equal("argument 'state' of module 'file' must be one of file, directory, absent, not 'gone'", Assert.Single(problems).Message);
    }

    [Fact]
    public void Choices_are_compared_after_conversion_to_text()
    {
        var spec = new ModuleSpec("m", "", [new ArgumentSpec("level", ArgumentType.String, "") { Choices = ["1", "2"] }]);

        var arguments = Bound(spec, ("level", 2L));

        Assert.Equal("2", arguments.GetString("level"));
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public void An_unquoted_yes_or_no_is_the_choice_of_that_name(bool value, string choice)
    {
        var spec = new ModuleSpec("m", "", [new ArgumentSpec("upgrade", ArgumentType.String, "") { Choices = ["no", "yes", "dist"] }]);

        Assert.Equal(choice, Bound(spec, ("upgrade", value)).GetString("upgrade"));
    }

    [Fact]
    public void A_boolean_is_still_refused_where_the_choices_do_not_spell_yes_or_no()
    {
        var problem = Assert.Single(Problems(File, ("path", "/x"), ("state", true)));

        Assert.EndsWith("must be one of file, directory, absent, not 'true'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("true", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData("y", true)]
    [InlineData("no", false)]
    [InlineData("FALSE", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    [InlineData("n", false)]
    public void Bool_words_are_booleans(string word, bool expected)
    {
        Assert.Equal(expected, Bound(File, ("path", "/x"), ("force", word)).GetRaw("force"));
    }

    [Theory]
    [InlineData(1L, true)]
    [InlineData(0L, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Bool_from_yaml_values(object given, bool expected)
    {
        Assert.Equal(expected, Bound(File, ("path", "/x"), ("force", given)).GetRaw("force"));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData(2L)]
    [InlineData(1.0)]
    public void Not_a_bool_is_a_problem(object given)
    {
        var problem = Assert.Single(Problems(File, ("path", "/x"), ("force", given)));

        Assert.StartsWith("argument 'force' of module 'file' must be a boolean", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3L, 3L)]
    [InlineData("12", 12L)]
    [InlineData(" -4 ", -4L)]
    [InlineData(5.0, 5L)]
    public void Int_from_numbers_and_numeric_text(object given, long expected)
    {
        var value = Bound(File, ("path", "/x"), ("retries", given)).GetRaw("retries");

        Assert.IsType<long>(value);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("three")]
    [InlineData(2.5)]
    [InlineData(true)]
    [InlineData("1.0")]
    public void Not_an_int_is_a_problem(object given)
    {
        var problem = Assert.Single(Problems(File, ("path", "/x"), ("retries", given)));

        Assert.StartsWith("argument 'retries' of module 'file' must be an integer", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12L, "12")]
    [InlineData(1.5, "1.5")]
    [InlineData(true, "true")]
    public void String_from_scalars(object given, string expected)
    {
        Assert.Equal(expected, Bound(File, ("path", given)).GetRaw("path"));
    }

    [Fact]
    public void String_from_a_list_is_a_problem()
    {
        var problem = Assert.Single(Problems(File, ("path", new List<object?> { "a" })));

        Assert.Equal("argument 'path' of module 'file' must be a string, not a list", problem.Message);
    }

    [Fact]
    public void List_from_a_comma_separated_string()
    {
        var list = Bound(File, ("path", "/x"), ("groups", "adm, docker,,sudo ")).GetStringList("groups");

        Assert.Equal(["adm", "docker", "sudo"], list);
    }

    [Fact]
    public void List_stays_a_list_and_a_scalar_becomes_one_item()
    {
        Assert.Equal(["a", "b"], Bound(File, ("path", "/x"), ("groups", new List<object?> { "a", "b" })).GetStringList("groups"));
        Assert.Equal(new List<object?> { 7L }, Bound(File, ("path", "/x"), ("groups", 7L)).GetList("groups"));
    }

    [Fact]
    public void Dict_must_be_a_mapping()
    {
        var map = new Dictionary<string, object?> { ["A"] = "1" };
        Assert.Same(map, Bound(File, ("path", "/x"), ("env", map)).GetDict("env"));

        var problem = Assert.Single(Problems(File, ("path", "/x"), ("env", "A=1")));
        Assert.Equal("argument 'env' of module 'file' must be a mapping, not 'A=1'", problem.Message);
    }

    [Theory]
    [InlineData(420L, "0644")]
    [InlineData(493L, "0755")]
    [InlineData(0L, "0000")]
    [InlineData(8L, "0010")]
    [InlineData(4095L, "07777")]
    [InlineData("644", "0644")]
    [InlineData("0644", "0644")]
    [InlineData("01777", "01777")]
    [InlineData("u+rwx", "u+rwx")]
    [InlineData("u=rw,g=r,o=", "u=rw,g=r,o=")]
    [InlineData("a-x", "a-x")]
    public void Mode_from_yaml_int_octal_text_or_symbols(object given, string expected)
    {
        Assert.Equal(expected, Bound(File, ("path", "/x"), ("mode", given)).GetRaw("mode"));
    }

    [Theory]
    [InlineData(4096L)]
    [InlineData(-1L)]
    [InlineData("0999")]
    [InlineData("64")]
    [InlineData("755 ")]
    [InlineData(6.44)]
    public void Not_a_mode_is_a_problem(object given)
    {
        var problem = Assert.Single(Problems(File, ("path", "/x"), ("mode", given)));

        Assert.StartsWith("argument 'mode' of module 'file' must be an octal mode", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_values_are_kept_as_they_are()
    {
        var list = new List<object?> { 1L, new Dictionary<string, object?>() };

        Assert.Same(list, Bound(File, ("path", "/x"), ("anything", list)).GetRaw("anything"));
    }

    [Fact]
    public void Null_value_is_bound_without_a_type_check_and_blocks_the_default()
    {
        var arguments = Bound(File, ("path", "/x"), ("retries", null), ("state", null));

        Assert.True(arguments.Values.ContainsKey("retries"));
        Assert.Null(arguments.GetRaw("state"));
    }

    [Fact]
    public void Deferred_templates_are_not_type_checked_before_the_run()
    {
        var raw = Raw(("path", "/x"), ("retries", "{{ n }}"), ("state", "{{ wanted }}"), ("groups", new List<object?> { "{{ g }}" }), ("mode", "{% raw %}"));

        var (arguments, problems) = ArgumentBinder.Bind(File, raw, deferTemplates: true);

        Assert.Empty(problems);
        Assert.Equal("{{ n }}", arguments.GetRaw("retries"));
        Assert.Equal("{{ wanted }}", arguments.GetRaw("state"));
    }

    [Fact]
    public void Templates_are_type_checked_when_not_deferred()
    {
        var (_, problems) = ArgumentBinder.Bind(File, Raw(("path", "/x"), ("retries", "{{ n }}")), deferTemplates: false);

        Assert.Equal("argument 'retries' of module 'file' must be an integer, not '{{ n }}'", Assert.Single(problems).Message);
    }

    [Fact]
    public void Deferring_still_reports_unknown_and_missing_arguments()
    {
        var (_, problems) = ArgumentBinder.Bind(File, Raw(("colour", "{{ c }}")), deferTemplates: true);

        Assert.Equal(["colour", "path"], problems.Select(p => p.Argument));
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("{{ x }}", true)]
    [InlineData("{% if %}", true)]
    [InlineData("{ x }", false)]
    public void Template_detection_in_strings(string text, bool expected)
    {
        Assert.Equal(expected, ArgumentBinder.ContainsTemplate(text));
    }

    [Fact]
    public void Template_detection_in_nested_values()
    {
        Assert.True(ArgumentBinder.ContainsTemplate(new List<object?> { 1L, new Dictionary<string, object?> { ["a"] = "{{ b }}" } }));
        Assert.False(ArgumentBinder.ContainsTemplate(new List<object?> { 1L, new Dictionary<string, object?> { ["a"] = "b" } }));
        Assert.False(ArgumentBinder.ContainsTemplate(12L));
        Assert.False(ArgumentBinder.ContainsTemplate(null));
    }

    [Fact]
    public void All_problems_are_reported_together()
    {
        var problems = Problems(File, ("state", "gone"), ("force", "maybe"), ("colour", "red"));

        Assert.Equal(["state", "force", "colour", "path"], problems.Select(p => p.Argument));
    }

    private static Dictionary<string, object?> Raw(params (string Name, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);

    private static ModuleArguments Bound(ModuleSpec spec, params (string Name, object? Value)[] entries)
    {
        var (arguments, problems) = ArgumentBinder.Bind(spec, Raw(entries), deferTemplates: false);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Message)));
        return arguments;
    }

    private static IReadOnlyList<ArgumentProblem> Problems(ModuleSpec spec, params (string Name, object? Value)[] entries) =>
        ArgumentBinder.Bind(spec, Raw(entries), deferTemplates: false).Problems;
}
