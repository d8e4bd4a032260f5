using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Templating;

namespace Orchestrator.Templating.Tests;

/// <summary>TemplateReferences: which root variables a template reads, where, and whether they may be undefined.</summary>
public sealed class TemplateReferenceTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("site.yaml", 12, 10);

    /// <summary>Each reference as "name path column" with a trailing "?" when guarded.</summary>
    private static string Describe(string template) =>
        string.Join(" | ", Engine.TemplateReferences(template, At).Select(r => $"{r.Name} {r.Path} {r.Location.Column}{(r.Guarded ? "?" : "")}"));

    [Theory]
    [InlineData("plain text", "")]
    [InlineData("{{ mesos_zk }}", "mesos_zk mesos_zk 13")]
    [InlineData("--zk={{mesos_zk}}/x", "mesos_zk mesos_zk 17")]
    [InlineData("{{ conf.stat.size }}", "conf conf.stat.size 13")]
    [InlineData("{{ groups.mesos_masters.0 }}", "groups groups.mesos_masters.0 13")]
    [InlineData("{{ a/b }}", "a a/b 13")]
    [InlineData("{{ [odd name].x }}", "odd name [odd name].x 13")]
    [InlineData("{{ 5 }}{{ 'text' }}{{ true }}{{ null }}{{ 1.5 }}", "")]
    [InlineData("{{ a }} and {{ b.c }}", "a a 13 | b b.c 25")]
    public void Paths_are_references_to_their_root_name(string template, string expected)
    {
        Assert.Equal(expected, Describe(template));
    }

    [Theory]
    [InlineData("{{ join hosts ',' }}", "hosts hosts 18")]
    [InlineData("{{ upper (join hosts sep) }}", "hosts hosts 25 | sep sep 31")]
    [InlineData("{{ replace text old new }}", "text text 21 | old old 26 | new new 30")]
    [InlineData("{{ to_json value indent=level }}", "value value 21 | level level 34")]
    [InlineData("{{ lookup map key }}", "map map 20 | key key 24")]
    public void Helper_names_are_not_variables_but_their_arguments_are(string template, string expected)
    {
        Assert.Equal(expected, Describe(template));
    }

    [Theory]
    [InlineData("{{ default port 80 }}", "port port 21?")]
    [InlineData("{{ default port fallback }}", "port port 21? | fallback fallback 26")]
    [InlineData("{{ upper (default name 'x') }}", "name name 28?")]
    [InlineData("{{#if enabled}}on{{/if}}", "enabled enabled 16?")]
    [InlineData("{{#unless disabled}}on{{/unless}}", "disabled disabled 20?")]
    [InlineData("{{^missing}}none{{/missing}}", "missing missing 13?")]
    [InlineData("{{#if a}}A{{else if b}}B{{/if}}", "a a 16? | b b 30?")]
    [InlineData("{{#if (and a b)}}x{{/if}}", "a a 21? | b b 23?")]
    [InlineData("{{#if (or a (not b))}}x{{/if}}", "a a 20? | b b 27?")]
    [InlineData("{{#if (eq a 1)}}x{{/if}}", "a a 20")]
    public void Guarded_positions_may_be_undefined(string template, string expected)
    {
        Assert.Equal(expected, Describe(template));
    }

    [Fact]
    public void The_body_of_if_reads_the_root()
    {
        Assert.Equal("ok ok 16? | mesos_zk mesos_zk 23", Describe("{{#if ok}}{{ mesos_zk }}{{/if}}"));
    }

    [Theory]
    [InlineData("{{#if x}}{{ x.y }}{{/if}}", "x x 16? | x x.y 22?")]
    [InlineData("{{#if x}}a{{else}}{{ x }}{{/if}}", "x x 16? | x x 31")]
    [InlineData("{{#if x}}a{{/if}}{{ x }}", "x x 16? | x x 30")]
    [InlineData("{{#unless x}}a{{else}}{{ x }}{{/unless}}", "x x 20? | x x 35?")]
    [InlineData("{{#if (and x y)}}{{ y }}{{/if}}", "x x 21? | y y 23? | y y 30?")]
    [InlineData("{{#if (not x)}}a{{else}}{{ x }}{{/if}}", "x x 21? | x x 37?")]
    [InlineData("{{#if (or x y)}}{{ x }}{{/if}}", "x x 20? | y y 22? | x x 29")]
    [InlineData("{{#if a}}{{else if b}}{{ b }}{{else}}{{ a }}{{ b }}{{/if}}", "a a 16? | b b 29? | b b 35? | a a 50 | b b 57")]
    [InlineData("{{#each l}}{{#if name}}{{ @root.name }}{{/if}}{{/each}}", "l l 18 | name @root.name 36")]
    public void A_block_condition_proves_its_names_defined_in_its_branch(string template, string expected)
    {
        Assert.Equal(expected, Describe(template));
    }

    [Theory]
    [InlineData("{{#each hosts}}{{ name }}:{{ this.port }} {{/each}}", "hosts hosts 18")]
    [InlineData("{{#with conf}}{{ name }}{{/with}}", "conf conf 18")]
    [InlineData("{{#each hosts}}{{ @index }}{{ @key }}{{ this }}{{ . }}{{/each}}", "hosts hosts 18")]
    [InlineData("{{#each hosts}}{{ @root.domain }}{{/each}}", "hosts hosts 18 | domain @root.domain 28")]
    [InlineData("{{#each hosts}}{{ ../domain }}{{/each}}", "hosts hosts 18 | domain ../domain 28")]
    [InlineData("{{#each a}}{{#each b}}{{ ../x }}{{ ../../y }}{{/each}}{{/each}}", "a a 18 | y ../../y 45")]
    [InlineData("{{#each a}}{{#each b}}x{{/each}}{{/each}}", "a a 18")]
    [InlineData("{{#each hosts}}{{#if up}}{{ name }}{{/if}}{{/each}}", "hosts hosts 18")]
    [InlineData("{{#each hosts}}{{ name }}{{else}}{{ empty_text }}{{/each}}", "hosts hosts 18 | empty_text empty_text 46")]
    [InlineData("{{#each hosts as |h i|}}{{ h.name }}{{/each}}{{ after }}", "hosts hosts 18 | after after 58")]
    [InlineData("{{#each hosts}}x{{/each}}{{ after }}", "hosts hosts 18 | after after 38")]
    public void Each_and_with_bodies_read_the_item(string template, string expected)
    {
        Assert.Equal(expected, Describe(template));
    }

    [Theory]
    [InlineData("{{ this.first }}", "first this.first 13")]
    [InlineData("{{ @root.x }}", "x @root.x 13")]
    [InlineData("{{ first }}", "first first 13")]
    [InlineData("a {{ first }}", "")]
    public void This_and_helper_named_variables_at_the_root(string template, string expected)
    {
        Assert.Equal(expected, Describe(template));
    }

    [Theory]
    [InlineData("{{!-- {{ hidden }} --}}{{! also }}", "")]
    [InlineData("\\{{ escaped }}", "")]
    public void Comments_and_escapes_read_nothing(string template, string expected)
    {
        Assert.Equal(expected, Describe(template));
    }

    [Fact]
    public void A_template_file_gets_exact_lines_and_columns()
    {
        var file = new SourceLocation("templates/app.conf.hbs", 1, 1);

        var references = Engine.TemplateReferences("# header\nhost={{ inventory_hostname }}\n  zk={{ mesos_zk }}\n", file);

        Assert.Equal(
            [new VariableReference("inventory_hostname", "inventory_hostname", file with { Line = 2, Column = 9 }),
             new VariableReference("mesos_zk", "mesos_zk", file with { Line = 3, Column = 9 })],
            references);
    }

    [Theory]
    [InlineData("- debug:\n    msg: \"hello {{ who }}\"\n", "hello {{ who }}", 2)]
    [InlineData("- debug:\n    msg: \"a\\tb\\\"c\\x41 {{ who }}\\n\"\n", "a\tb\"cA {{ who }}\n", 2)]
    [InlineData("- debug:\n    msg: 'it''s {{ who }}'\n", "it's {{ who }}", 2)]
    [InlineData("- shell: |\n    echo start\n    echo {{ who }} now\n", "echo start\necho {{ who }} now\n", 3)]
    public void A_playbook_string_is_placed_like_render_errors(string yaml, string value, int line)
    {
        using var file = new PlaybookFile(yaml);
        var scalar = file.Scalar(value);

        var reference = Assert.Single(Engine.TemplateReferences(scalar.Value, scalar.Location));

        var column = file.Lines[line - 1].IndexOf("who", StringComparison.Ordinal) + 1;
        Assert.Equal(new SourceLocation(file.Path, line, column), reference.Location);
    }

    [Fact]
    public void A_folded_scalar_places_each_reference_on_its_own_source_line()
    {
        using var file = new PlaybookFile("- debug:\n    msg: >-\n      {{ who }} and\n      {{ who }} again, {{ what }}\n");
        var scalar = file.Scalar("{{ who }} and {{ who }} again, {{ what }}");

        var references = Engine.TemplateReferences(scalar.Value, scalar.Location);

        Assert.Equal(
            [new SourceLocation(file.Path, 3, 10), new SourceLocation(file.Path, 4, 10), new SourceLocation(file.Path, 4, 27)],
            references.Select(r => r.Location));
    }

    [Fact]
    public void A_syntax_error_is_a_located_error()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.TemplateReferences("{{#if x}}open", At));

        Assert.StartsWith("template syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_helper_is_a_located_error()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.TemplateReferences("{{ nohelper x }}", At));

        Assert.Contains("unknown helper 'nohelper'", error.Message, StringComparison.Ordinal);
        Assert.Equal(At with { Column = 13 }, error.Diagnostics[0].Location);
    }
}
