namespace Orchestrator.Output.Tests;

public sealed class UnifiedDiffTests
{
    private const string Header = "--- before: /etc/f\n+++ after: /etc/f\n";

    [Fact]
    public void Identical_contents_give_no_diff()
    {
        Assert.Equal("", UnifiedDiff.Render("/etc/f", "a\nb\n", "a\nb\n"));
        Assert.Equal("", UnifiedDiff.Render("/etc/f", "", ""));
    }

    [Fact]
    public void A_change_is_shown_with_three_lines_of_context()
    {
        var diff = UnifiedDiff.Render("/etc/f", Lines("a b c d e f g h"), Lines("a b c d X f g h"));

        Assert.Equal(Header + "@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+X\n f\n g\n h\n", diff);
    }

    [Fact]
    public void Changes_far_apart_get_separate_hunks_as_gnu_diff_makes_them()
    {
        // Same input as `diff -u` gives "@@ -1,5 +1,5 @@" and "@@ -10,5 +10,5 @@".
        var before = Lines("a b c d e f g h i j k l m n");
        var after = Lines("a B c d e f g h i j k l M") + "n";

        var diff = UnifiedDiff.Render("/etc/f", before, after);

        Assert.Equal(
            Header
            + "@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n"
            + "@@ -10,5 +10,5 @@\n j\n k\n l\n-m\n-n\n+M\n+n\n\\ No newline at end of file\n",
            diff);
    }

    [Fact]
    public void Changes_up_to_six_lines_apart_share_a_hunk()
    {
        var diff = UnifiedDiff.Render("/etc/f", Lines("a b c d e f g h i"), Lines("A b c d e f g H i"));

        Assert.Equal(Header + "@@ -1,9 +1,9 @@\n-a\n+A\n b\n c\n d\n e\n f\n g\n-h\n+H\n i\n", diff);
    }

    [Fact]
    public void A_new_file_is_all_additions()
    {
        Assert.Equal(Header + "@@ -0,0 +1,2 @@\n+x\n+y\n", UnifiedDiff.Render("/etc/f", "", "x\ny\n"));
    }

    [Fact]
    public void An_emptied_file_is_all_removals()
    {
        Assert.Equal(Header + "@@ -1,2 +0,0 @@\n-x\n-y\n", UnifiedDiff.Render("/etc/f", "x\ny\n", ""));
    }

    [Fact]
    public void Removing_the_last_line_uses_a_single_line_range()
    {
        Assert.Equal(Header + "@@ -1,2 +1 @@\n x\n-y\n", UnifiedDiff.Render("/etc/f", "x\ny\n", "x\n"));
    }

    [Fact]
    public void Adding_only_the_final_newline_shows_the_marker_on_the_old_side()
    {
        Assert.Equal(
            Header + "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
            UnifiedDiff.Render("/etc/f", "a\nb", "a\nb\n"));
    }

    [Fact]
    public void Insertion_in_the_middle_keeps_both_line_numbers_right()
    {
        var diff = UnifiedDiff.Render("/etc/f", Lines("a b c d e f g h"), Lines("a b c d new e f g h"));

        Assert.Equal(Header + "@@ -2,6 +2,7 @@\n b\n c\n d\n+new\n e\n f\n g\n", diff);
    }

    private static string Lines(string words) => string.Join("", words.Split(' ').Select(w => w + "\n"));
}
