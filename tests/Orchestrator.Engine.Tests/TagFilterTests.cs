namespace Orchestrator.Engine.Tests;

/// <summary>--tags/--skip-tags as ansible-playbook evaluates them (Taggable.evaluate_tags).</summary>
public sealed class TagFilterTests
{
    [Theory]
    // no --tags: everything but never
    [InlineData("", "", "", true)]
    [InlineData("", "", "web", true)]
    [InlineData("", "", "always", true)]
    [InlineData("", "", "never", false)]
    [InlineData("", "", "never,debug", false)]
    // always beats never
    [InlineData("", "", "never,always", true)]
    [InlineData("web", "", "never,always", true)]
    // --tags picks tasks sharing a tag; always runs anyway
    [InlineData("web", "", "web", true)]
    [InlineData("web", "", "db", false)]
    [InlineData("web", "", "", false)]
    [InlineData("web", "", "always", true)]
    [InlineData("web,db", "", "db,other", true)]
    // never runs only when one of its other tags (or never itself) is asked for
    [InlineData("debug", "", "never,debug", true)]
    [InlineData("never", "", "never", true)]
    [InlineData("all", "", "never,debug", false)]
    // special words
    [InlineData("all", "", "", true)]
    [InlineData("all", "", "web", true)]
    [InlineData("tagged", "", "web", true)]
    [InlineData("tagged", "", "", false)]
    [InlineData("tagged", "", "never,web", false)]
    [InlineData("untagged", "", "", true)]
    [InlineData("untagged", "", "web", false)]
    [InlineData("untagged", "", "always", true)]
    [InlineData("always", "", "always", true)]
    [InlineData("always", "", "web", false)]
    // --skip-tags wins over everything
    [InlineData("", "web", "web", false)]
    [InlineData("", "web", "db", true)]
    [InlineData("web", "db", "web,db", false)]
    [InlineData("", "always", "always", false)]
    [InlineData("", "tagged", "web", false)]
    [InlineData("", "tagged", "", true)]
    [InlineData("", "untagged", "", false)]
    [InlineData("", "untagged", "web", true)]
    [InlineData("never", "never", "never", false)]
    // --skip-tags all skips everything but always tasks (unless always is skipped too)
    [InlineData("", "all", "web", false)]
    [InlineData("", "all", "", false)]
    [InlineData("", "all", "always", true)]
    [InlineData("", "all,always", "always", false)]
    // ...and then no other skipped tag of an always task counts (Ansible checks all first, then nothing else)
    [InlineData("", "all,web", "always,web", true)]
    [InlineData("", "web", "always,web", false)]
    public void Selection(string only, string skip, string taskTags, bool selected)
    {
        var filter = new TagFilter(Words(only), Words(skip));

        Assert.Equal(selected, filter.Selects(Words(taskTags)));
    }

    private static List<string> Words(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}
