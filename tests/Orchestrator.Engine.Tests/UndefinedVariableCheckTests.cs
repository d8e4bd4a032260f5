namespace Orchestrator.Engine.Tests;

public sealed class UndefinedVariableCheckTests
{
    private static RunOptions WithExtra(params string[] names) =>
        new() { ExtraVars = names.ToDictionary(n => n, object? (_) => "x", StringComparer.Ordinal) };

    [Fact]
    public void Every_source_of_a_name_makes_it_known()
    {
        Assert.Empty(CheckFixture.Problems("known", WithExtra("from_extra")));
    }

    [Fact]
    public void Without_the_extra_var_its_uses_are_reported()
    {
        Assert.Equal(
            ["site.yaml:7:70 undefined variable 'from_extra'", "site.yaml:22:58 undefined variable 'from_extra'"],
            CheckFixture.Problems("known"));
    }

    [Fact]
    public void Every_typo_is_reported_at_once_at_its_place()
    {
        Assert.Equal(
            [
                "site.yaml:6:25 undefined variable 'play_typo'",
                "site.yaml:11:27 undefined variable 'prot'",
                "site.yaml:15:27 undefined variable 'colour_typo'",
                "site.yaml:19:17 undefined variable 'itmes'",
                "site.yaml:22:20 undefined variable 'block_typo'",
                "site.yaml:28:19 undefined variable 'task_typo'",
                "site.yaml:30:21 undefined variable 'rc_typo'",
                "site.yaml:37:14 could not find 'missing.hbs'; looked in: ",
                "site.yaml:40:26 undefined variable 'dir_typo'",
                "site.yaml:43:19 undefined variable 'handler_typo'",
                "site.yaml:45:19 undefined variable 'path_typo'",
                "templates/app.conf.hbs:3:7 undefined variable 'mesos_zkk'",
            ],
            CheckFixture.Problems("typos").Select(p => p.Contains("could not find", StringComparison.Ordinal) ? p[..(p.IndexOf("looked in: ", StringComparison.Ordinal) + 11)] : p));
    }

    [Fact]
    public void Names_are_known_only_in_their_scope()
    {
        Assert.Equal(
            [
                "site.yaml:11:18 undefined variable 'item'",
                "site.yaml:18:18 undefined variable 'block_only'",
                "site.yaml:20:18 undefined variable 'web_param'",
                "site.yaml:22:18 undefined variable 'd1_only'",
                "site.yaml:25:17 undefined variable 'item'",
                "site.yaml:28:17 undefined variable 'guarded_list' (a loop's list is rendered before 'when' is evaluated, so 'when' does not protect it)",
            ],
            CheckFixture.Problems("scopes"));
    }

    [Fact]
    public void A_templated_vars_files_name_makes_the_play_lenient()
    {
        Assert.Empty(CheckFixture.Problems("lenient"));
    }

    [Fact]
    public void A_play_no_host_runs_is_not_checked()
    {
        Assert.Empty(CheckFixture.Problems("typos", new RunOptions { Limit = "nobody" }));
    }

    [Fact]
    public void A_host_outside_the_limit_does_not_define_names()
    {
        var problems = CheckFixture.Problems("scopes", new RunOptions { Limit = "w1:d1" });

        Assert.Contains("site.yaml:22:18 undefined variable 'd1_only'", problems);
    }

    [Fact]
    public void A_bad_host_pattern_is_reported_with_the_other_plays_problems()
    {
        Assert.Equal(
            [
                "site.yaml:1:10 host pattern 'web[01': a bracket is not closed (expected ']')",
                "site.yaml:10:18 undefined variable 'still_checked'",
            ],
            CheckFixture.Problems("badpattern"));
    }
}
