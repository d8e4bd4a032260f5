using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class UndefinedVariableTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("site.yaml", 12, 10);

    [Theory]
    [InlineData("{{ mesos_zk }}", "mesos_zk", 13)]
    [InlineData("{{mesos_zk}}", "mesos_zk", 12)]
    [InlineData("--zk={{ mesos_zk }}/x", "mesos_zk", 18)]
    [InlineData("{{ upper mesos_zk }}", "mesos_zk", 19)]
    [InlineData("a {{ join mesos_zk ',' }}", "mesos_zk", 20)]
    [InlineData("{{#each mesos_zk}}x{{/each}}", "mesos_zk", 18)]
    [InlineData("{{#with mesos_zk}}x{{/with}}", "mesos_zk", 18)]
    [InlineData("{{#if (eq mesos_zk 1)}}x{{/if}}", "mesos_zk", 20)]
    [InlineData("{{#if ok}}{{ mesos_zk }}{{/if}}", "mesos_zk", 23)]
    public void Undefined_variable_is_an_error_naming_it_at_its_column(string template, string variable, int column)
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue(template, Vars.Of(("ok", true)), At));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal($"undefined variable '{variable}'", diagnostic.Message);
        Assert.Equal(new SourceLocation("site.yaml", 12, column), diagnostic.Location);
    }

    [Fact]
    public void A_jinja_bracket_path_is_answered_with_the_handlebars_way_to_write_it()
    {
        var vars = Vars.Of(("hostvars", Vars.Of(("web1", Vars.Of(("port", 80L))))));

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue("{{ hostvars['web1'].port }}", vars, At));

        Assert.Contains("a path uses dots, as hostvars.web1.x", error.Message, StringComparison.Ordinal);
        Assert.Equal("80", Engine.RenderValue("{{ hostvars.[web1].port }}", vars, At)?.ToString());
    }

    [Fact]
    public void Missing_key_names_the_path_up_to_it()
    {
        var vars = Vars.Of(("facts", Vars.Of(("distribution", "ubuntu"))));

        var whole = Assert.Throws<UserErrorException>(() => Engine.RenderValue("{{ facts.codename }}", vars, At));
        var inText = Assert.Throws<UserErrorException>(() => Engine.RenderValue("deb {{ facts.codename }} main", vars, At));

        Assert.Equal("undefined variable 'facts.codename'", whole.Message);
        Assert.Equal("undefined variable 'facts.codename'", inText.Message);
    }

    [Fact]
    public void Missing_parent_names_the_parent()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue("{{ docker_tls.ca }}", Vars.Of(), At));

        Assert.Equal("undefined variable 'docker_tls'", error.Message);
    }

    [Fact]
    public void Undefined_inside_each_item_is_an_error()
    {
        var vars = Vars.Of(("hosts", Vars.List(Vars.Of(("name", "a")))));

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue("{{#each hosts}}{{ name }}:{{ port }} {{/each}}", vars, At));

        Assert.Equal("undefined variable 'port'", error.Message);
    }

    [Fact]
    public void Undefined_is_falsy_in_if_unless_default_and_logic_helpers()
    {
        var result = Engine.RenderValue(
            "{{#if a}}A{{/if}}{{#unless b}}B{{/unless}}{{ default c 'C' }}{{#if (or d e)}}D{{else}}E{{/if}}", Vars.Of(), At);

        Assert.Equal("BCE", result);
    }

    [Fact]
    public void Multi_line_string_keeps_the_given_location()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue("line one\n{{ missing }}\n", Vars.Of(), At));

        Assert.Equal(At, error.Diagnostics[0].Location);
    }

    [Theory]
    [InlineData("- debug:\n    msg: \"hello {{ who }}\"\n", "hello {{ who }}", 2)]
    [InlineData("- debug:\n    msg: 'hello {{ who }}'\n", "hello {{ who }}", 2)]
    [InlineData("- debug:\n    msg: hello {{ who }}\n", "hello {{ who }}", 2)]
    [InlineData("- debug:\n    msg: \"a\\tb\\\"c\\x41 {{ who }}\\n\"\n", "a\tb\"cA {{ who }}\n", 2)]
    [InlineData("- debug:\n    msg: 'it''s {{ who }}'\n", "it's {{ who }}", 2)]
    [InlineData("- debug:\n    msg: >-\n      first line\n      then {{ who }} here\n", "first line then {{ who }} here", 4)]
    [InlineData("- shell: |\n    echo start\n    echo {{ who }} now\n", "echo start\necho {{ who }} now\n", 3)]
    [InlineData("- shell: >-\n    echo start\n      echo {{ who }}\n", "echo start\n  echo {{ who }}", 3)]
    public void Error_points_at_the_variable_in_the_playbook_file(string yaml, string value, int line)
    {
        using var file = new PlaybookFile(yaml);
        var scalar = file.Scalar(value);

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue(scalar.Value, Vars.Of(), scalar.Location));

        var expectedColumn = file.Lines[line - 1].IndexOf("who", StringComparison.Ordinal) + 1;
        Assert.Equal(new SourceLocation(file.Path, line, expectedColumn), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Condition_error_in_a_folded_scalar_points_at_its_source_line()
    {
        using var file = new PlaybookFile("- when: >\n    a is defined and\n    nope == 1\n");
        var scalar = file.Scalar("a is defined and nope == 1\n");

        var error = Assert.Throws<UserErrorException>(() => Engine.EvaluateCondition(scalar.Value, Vars.Of(("a", 1L)), scalar.Location));

        Assert.Equal("undefined variable 'nope'", error.Message);
        Assert.Equal(new SourceLocation(file.Path, 3, 5), error.Diagnostics[0].Location);
    }
}
