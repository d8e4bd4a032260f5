using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Tests;

public sealed class ModuleArgumentTests
{
    private static readonly IReadOnlyList<ModuleTask> Tasks =
        Fixtures.Parse("args.yaml").Plays[0].Tasks.Cast<ModuleTask>().ToList();

    [Fact]
    public void Key_value_words_are_unquoted_and_located()
    {
        var copy = Tasks[0];

        Assert.Equal("files/a.conf", copy.Arguments["src"]);
        Assert.Equal("/etc/my app/a.conf", copy.Arguments["dest"]);
        Assert.Equal("0644", copy.Arguments["mode"]);
        Assert.Equal((3, 13), (copy.ArgumentLocations["src"].Line, copy.ArgumentLocations["src"].Column));
        Assert.Equal(30, copy.ArgumentLocations["dest"].Column);
    }

    [Fact]
    public void Free_form_text_keeps_its_words_and_declared_options_are_taken_out()
    {
        var command = Tasks[1];

        Assert.Equal("ls -l  /tmp", command.Arguments["cmd"]);
        Assert.Equal("/var", command.Arguments["chdir"]);
        Assert.Equal("/tmp/x", command.Arguments["creates"]);
    }

    [Fact]
    public void A_multi_line_script_stays_as_written()
    {
        Assert.Equal("echo one\necho \"two words\"\n", Tasks[2].Arguments["cmd"]);
    }

    [Fact]
    public void A_mapping_keeps_value_types()
    {
        Assert.Equal(new List<object?> { "ls", "-l" }, Tasks[3].Arguments["argv"]);
        Assert.False(Tasks[3].Arguments.ContainsKey("cmd"));
    }

    [Fact]
    public void Args_keyword_is_merged_under_the_inline_arguments()
    {
        var copy = Tasks[4];

        Assert.Equal("/tmp/hello", copy.Arguments["dest"]);
        Assert.Equal("0600", copy.Arguments["mode"]);
        Assert.Equal("hello {{ name }}", copy.Arguments["content"]);
        Assert.Equal(12, copy.ArgumentLocations["dest"].Line);
        Assert.Equal(14, copy.ArgumentLocations["mode"].Line);
    }

    [Fact]
    public void Undeclared_key_value_words_stay_in_free_form_text()
    {
        Assert.Equal("FOO=bar ./run.sh --flag", Tasks[5].Arguments["cmd"]);
        Assert.Single(Tasks[5].Arguments);
    }

    [Fact]
    public void A_module_accepting_any_argument_takes_them_all()
    {
        Assert.Equal(1L, Tasks[6].Arguments["anything"]);
        Assert.Equal(new List<object?> { 1L, 2L }, Tasks[6].Arguments["other"]);
    }

    [Fact]
    public void Free_form_text_combines_with_args()
    {
        Assert.Equal("echo hi", Tasks[7].Arguments["cmd"]);
        Assert.Equal("/srv", Tasks[7].Arguments["chdir"]);
    }
}
