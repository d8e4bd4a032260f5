using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks.Tests.Fakes;

namespace Orchestrator.Playbooks.Tests;

public sealed class DiagnosticsTests
{
    [Fact]
    public void Every_problem_is_reported_at_once_in_file_and_line_order()
    {
        var problems = Fixtures.Problems(
            """
            - hosts: all
              tasks:
                - import_tasks: more.yaml
                - comand: ls
                - debug: msg=hi
                  retries: x
            - hosts: web
              serial: 0
            """,
            ("more.yaml", "- copy: dest=/tmp/x\n"));

        Assert.Equal(
            ["playbook.yaml:4:7", "playbook.yaml:6:16", "playbook.yaml:8:11", "more.yaml:1:3"],
            problems.Select(p => $"{Path.GetFileName(p.Location.File)}:{p.Location.Line}:{p.Location.Column}"));
    }

    [Fact]
    public void Template_syntax_errors_come_from_the_engine_with_their_location()
    {
        var problems = Fixtures.Problems(
            """
            - hosts: all
              vars:
                greeting: "hello {{ name"
              tasks:
                - debug:
                    msg: "{{ broken"
                  when: (a and b
            """);

        Assert.Equal(
            [(3, 15, "template syntax error"), (6, 14, "template syntax error"), (7, 13, "condition syntax error")],
            problems.Select(p => (p.Location.Line, p.Location.Column, p.Message[..p.Message.IndexOf(':', StringComparison.Ordinal)])));
    }

    [Fact]
    public void Without_a_template_engine_templates_are_not_checked()
    {
        using var folder = new TempFolder();
        var path = folder.Write("playbook.yaml", "- hosts: all\n  tasks:\n    - debug:\n        msg: \"{{ broken\"\n");

        var playbook = new PlaybookParser(new FakeModuleCatalog()).Parse(path);

        Assert.Single(playbook.Plays[0].Tasks);
    }

    [Fact]
    public void A_yaml_parser_failure_without_position_is_still_a_user_error()
    {
        using var folder = new TempFolder();
        var path = folder.Write("playbook.yaml", "- hosts: all\n  vars: {a: 1\n  tasks: []\n");

        var error = Assert.Throws<UserErrorException>(() => new PlaybookParser(new FakeModuleCatalog()).Parse(path));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith("invalid YAML", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(path, diagnostic.Location.File);
    }

    [Fact]
    public void A_missing_playbook_is_a_user_error()
    {
        var error = Assert.Throws<UserErrorException>(() => new PlaybookParser(new FakeModuleCatalog()).Parse("/nonexistent/site.yaml"));

        Assert.Contains("not found", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
    }

    [Fact]
    public void A_wrong_value_of_a_required_argument_is_reported_once()
    {
        var problems = Fixtures.Problems("- hosts: all\n  tasks:\n    - meta: flush_handler\n");

        Assert.Contains("must be one of", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_used_by_two_plays_reports_its_problems_once()
    {
        var problems = Fixtures.Problems(
            "- hosts: a\n  roles: [web]\n- hosts: b\n  roles: [web]\n",
            ("roles/web/tasks/main.yaml", "- bogus_module: 1\n"));

        Assert.Equal("unknown module 'bogus_module'", Assert.Single(problems).Message);
    }

    [Fact]
    public void Notify_is_checked_per_play()
    {
        var problems = Fixtures.Problems(
            """
            - hosts: a
              tasks:
                - command: ls
                  notify: restart
              handlers:
                - name: restart
                  command: ls
            - hosts: b
              tasks:
                - command: ls
                  notify: restart
            """);

        Assert.Equal(11, Assert.Single(problems).Location.Line);
    }

    [Fact]
    public void Notify_inside_included_files_and_handlers_is_checked()
    {
        var problems = Fixtures.Problems(
            """
            - hosts: a
              tasks:
                - include_tasks: inc.yaml
              handlers:
                - name: first
                  command: ls
                  notify: second
            """,
            ("inc.yaml", "- command: ls\n  notify: [first, third]\n"));

        Assert.Equal(["notify 'second'", "notify 'third'"], problems.Select(p => p.Message[..p.Message.IndexOf(" names", StringComparison.Ordinal)]).Order());
    }
}
