namespace Orchestrator.Playbooks.Tests;

/// <summary>The quick read of the first play's hosts that lets connections start before the parse.</summary>
public sealed class FirstPlayPeekTests
{
    [Theory]
    [InlineData("- hosts: web\n  tasks: []\n", "web")]
    [InlineData("- name: first\n  hosts: [web, db]\n- hosts: other\n", "web:db")]
    [InlineData("- hosts: ' all:!db '\n  tasks: [{debug: {msg: '{{ x }}'}}]\n", "all:!db")]
    public void A_plain_pattern_is_read(string yaml, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("site.yaml", yaml);

        Assert.Equal(expected, PlaybookParser.PeekFirstPlayHosts(path)?.Text);
    }

    [Theory]
    [InlineData("- hosts: '{{ target }}'\n")]
    [InlineData("- import_playbook: other.yaml\n- hosts: web\n")]
    [InlineData("- ansible.builtin.import_playbook: other.yaml\n")]
    [InlineData("- hosts:\n")]
    [InlineData("- hosts: []\n")]
    [InlineData("- hosts: !vault |\n    $ANSIBLE_VAULT;1.1;AES256\n    3132\n")]
    [InlineData("- hosts: web\n  hosts: db\n")]
    [InlineData("hosts: web\n")]
    [InlineData("- hosts: web\n\t tasks: []\n")]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n3132\n")]
    [InlineData("")]
    public void Anything_else_is_left_to_the_parse(string yaml)
    {
        using var folder = new TempFolder();
        var path = folder.Write("site.yaml", yaml);

        Assert.Null(PlaybookParser.PeekFirstPlayHosts(path));
    }
}
