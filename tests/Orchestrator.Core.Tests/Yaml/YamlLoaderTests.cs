using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Core.Tests.Yaml;

public sealed class YamlLoaderTests
{
    [Fact]
    public void Nodes_remember_their_line_and_column()
    {
        var root = Assert.IsType<YMapping>(Single("a: 1\nb:\n  c: [x, y]\n  d:\n    - z\n"));

        Assert.Equal(new SourceLocation("t.yaml", 1, 1), root.Location);
        Assert.Equal(new SourceLocation("t.yaml", 2, 1), root.KeyNode("b")!.Location);
        var b = Assert.IsType<YMapping>(root["b"]);
        Assert.Equal(new SourceLocation("t.yaml", 3, 3), b.Location);
        var c = Assert.IsType<YSequence>(b["c"]);
        Assert.Equal(new SourceLocation("t.yaml", 3, 6), c.Location);
        Assert.Equal(new SourceLocation("t.yaml", 3, 10), c.Items[1].Location);
        var d = Assert.IsType<YSequence>(b["d"]);
        Assert.Equal(new SourceLocation("t.yaml", 5, 7), d.Items[0].Location);
    }

    [Fact]
    public void Mapping_keeps_source_order()
    {
        var root = Assert.IsType<YMapping>(Single("z: 1\na: 2\nm: 3\n"));

        Assert.Equal(["z", "a", "m"], root.Keys);
    }

    [Fact]
    public void Duplicate_key_is_located_at_the_second_key()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("a: 1\nb: 2\na: 3\n", "t.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(new SourceLocation("t.yaml", 3, 1), diagnostic.Location);
        Assert.Contains("duplicate key 'a'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_duplicate_key_is_located_at_the_second_key()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("top:\n  x: 1\n  y: 2\n  x: 3\n", "t.yaml"));

        Assert.Equal(new SourceLocation("t.yaml", 4, 3), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Same_key_in_sibling_mappings_is_not_a_duplicate()
    {
        var root = Assert.IsType<YSequence>(Single("- name: a\n- name: b\n"));

        Assert.Equal(2, root.Items.Count);
    }

    [Fact]
    public void Quoted_and_plain_spelling_of_one_key_is_a_duplicate()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("a: 1\n'a': 2\n", "t.yaml"));

        Assert.Equal(2, error.Diagnostics[0].Location.Line);
    }

    [Fact]
    public void Tab_indentation_is_located_at_the_tab()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("a:\n  b: 1\n\tc: 2\n", "t.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(new SourceLocation("t.yaml", 3, 1), diagnostic.Location);
        Assert.Contains("tab", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("\tc: 2", diagnostic.LineText);
    }

    [Fact]
    public void Tab_after_spaces_in_the_indent_is_located_at_the_tab()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("a:\n  b:\n  \tc: 1\n", "t.yaml"));

        Assert.Equal(new SourceLocation("t.yaml", 3, 3), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Tab_inside_a_value_is_fine()
    {
        var root = Assert.IsType<YMapping>(Single("a: \"x\\ty\"\nb: 'p\tq'\n"));

        Assert.Equal("x\ty", ((YScalar)root["a"]!).Value);
        Assert.Equal("p\tq", ((YScalar)root["b"]!).Value);
    }

    [Fact]
    public void Alias_refers_to_the_anchored_node()
    {
        var root = Assert.IsType<YMapping>(Single("base: &b {x: 1}\nuse: *b\nlist: &l [1, 2]\nagain: *l\n"));

        Assert.Same(root["base"], root["use"]);
        Assert.Same(root["list"], root["again"]);
    }

    [Fact]
    public void Alias_to_an_unknown_anchor_is_a_located_error()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("a: 1\nb: *nowhere\n", "t.yaml"));

        Assert.Equal("t.yaml", error.Diagnostics[0].Location.File);
        Assert.Equal(2, error.Diagnostics[0].Location.Line);
    }

    [Fact]
    public void Merge_key_copies_entries_that_are_not_given()
    {
        var root = Assert.IsType<YMapping>(Single("defaults: &d {a: 1, b: 2}\nuse:\n  <<: *d\n  c: 3\n"));

        var use = YamlValues.ToDictionary(Assert.IsType<YMapping>(root["use"]));
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L, ["c"] = 3L }, use);
    }

    [Fact]
    public void Explicit_key_overrides_a_merged_key_written_before_it()
    {
        // The common pattern "<<: *defaults" followed by overrides: the explicit key wins and is no duplicate.
        var root = Assert.IsType<YMapping>(Single("defaults: &d {a: 1, b: 2}\nuse:\n  <<: *d\n  b: 20\n"));

        var use = YamlValues.ToDictionary(Assert.IsType<YMapping>(root["use"]));
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 20L }, use);
    }

    [Fact]
    public void Explicit_key_before_the_merge_key_wins()
    {
        var root = Assert.IsType<YMapping>(Single("defaults: &d {a: 1, b: 2}\nuse:\n  b: 20\n  <<: *d\n"));

        var use = YamlValues.ToDictionary(Assert.IsType<YMapping>(root["use"]));
        Assert.Equal(new Dictionary<string, object?> { ["b"] = 20L, ["a"] = 1L }, use);
    }

    [Fact]
    public void Merge_of_a_list_lets_the_first_mapping_win()
    {
        var root = Assert.IsType<YMapping>(Single("one: &one {a: 1}\ntwo: &two {a: 2, b: 2}\nuse:\n  <<: [*one, *two]\n"));

        var use = YamlValues.ToDictionary(Assert.IsType<YMapping>(root["use"]));
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L }, use);
    }

    [Fact]
    public void Explicit_keys_are_still_checked_for_duplicates_next_to_a_merge()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("d: &d {a: 1}\nuse:\n  <<: *d\n  b: 1\n  b: 2\n", "t.yaml"));

        Assert.Equal(new SourceLocation("t.yaml", 5, 3), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Merge_of_a_scalar_is_a_located_error()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("use:\n  <<: 5\n", "t.yaml"));

        Assert.Equal(2, error.Diagnostics[0].Location.Line);
        Assert.Contains("merge", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_merge_key_is_an_ordinary_key()
    {
        var root = Assert.IsType<YMapping>(Single("'<<': x\n"));

        Assert.Equal(["<<"], root.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n  # another\n")]
    [InlineData("---\n")]
    public void Empty_file_has_no_document(string text)
    {
        Assert.Empty(YamlLoader.Parse(text, "t.yaml"));
    }

    [Fact]
    public void Empty_file_loads_as_null()
    {
        var path = Path.GetTempFileName();
        try
        {
            Assert.Null(YamlLoader.LoadSingle(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_file_is_a_user_error_naming_the_display_path()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.LoadFile("/nonexistent/dir/x.yaml", "shown.yaml"));

        Assert.Equal("shown.yaml", error.Diagnostics[0].Location.File);
        Assert.Contains("cannot read shown.yaml", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiple_documents_are_returned_in_order_with_their_own_anchors()
    {
        var documents = YamlLoader.Parse("a: &x 1\n---\nb: 2\n---\n- 3\n", "t.yaml");

        Assert.Equal(3, documents.Count);
        Assert.Equal(["a"], Assert.IsType<YMapping>(documents[0]).Keys);
        Assert.Equal(new SourceLocation("t.yaml", 3, 1), documents[1].Location);
        Assert.IsType<YSequence>(documents[2]);
    }

    [Fact]
    public void Anchor_of_an_earlier_document_is_not_visible_in_a_later_one()
    {
        Assert.Throws<UserErrorException>(() => YamlLoader.Parse("a: &x 1\n---\nb: *x\n", "t.yaml"));
    }

    [Theory]
    [InlineData("a: [1, 2\n", 1, 4)]
    [InlineData("a: {b: 1\n", 1, 4)]
    [InlineData("a: {b: 1\nc: 2\n", 1, 4)]
    [InlineData("- [x, [y, z]\n- w\n", 1, 3)]
    [InlineData("a: [1,\n  2,\n", 1, 4)]
    [InlineData("x: 1\ny: [a,\n", 2, 4)]
    [InlineData("x: '[not a bracket'\ny: {a: \"]\", b: [1,\n", 2, 16)]
    [InlineData("x: a[1] # [ nor this\ny: [\n", 2, 4)]
    [InlineData("run: |\n  echo [\ny: [1\n", 3, 4)]
    [InlineData("{", 1, 1)]
    [InlineData("[", 1, 1)]
    public void Unclosed_flow_collection_is_located_at_its_bracket(string text, int line, int column)
    {
        var error = Record.Exception(() => YamlLoader.Parse(text, "t.yaml"));

        var userError = Assert.IsType<UserErrorException>(error);
        var diagnostic = Assert.Single(userError.Diagnostics);
        Assert.Equal(new SourceLocation("t.yaml", line, column), diagnostic.Location);
        Assert.Contains("never closed", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n')[line - 1], diagnostic.LineText);
    }

    [Fact]
    public void Syntax_error_carries_the_offending_line_text()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("a: 1\nb: [x\n  c: : :\n- d\n", "t.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith("invalid YAML", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complex_mapping_key_is_rejected()
    {
        var error = Assert.Throws<UserErrorException>(() => YamlLoader.Parse("? [a, b]\n: 1\n", "t.yaml"));

        Assert.Contains("mapping key", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Diagnostics[0].Location.Line);
    }

    [Fact]
    public void Tags_and_quoting_are_kept_on_scalars()
    {
        var root = Assert.IsType<YMapping>(Single("a: !vault |\n  $ANSIBLE\nb: 'x'\nc: x\nd: |\n  block\n"));

        var a = Assert.IsType<YScalar>(root["a"]);
        Assert.Equal("!vault", a.Tag);
        Assert.True(a.IsQuoted);
        Assert.True(((YScalar)root["b"]!).IsQuoted);
        Assert.False(((YScalar)root["c"]!).IsQuoted);
        Assert.Equal("block\n", ((YScalar)root["d"]!).Value);
    }

    [Fact]
    public void Random_garbage_gives_only_user_errors()
    {
        // Bounded fuzzing: fixed seed, 500 inputs of YAML's significant characters; nothing but a
        // located UserErrorException (or a successful parse) may come out.
        const string alphabet = "{}[]:,-?*&!|>'\"%@#`\t\n\r aZ09.<=~\\";
        var random = new Random(20240611);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var round = 0; round < 500 && DateTime.UtcNow < deadline; round++)
        {
            var length = random.Next(1, 40);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var error = Record.Exception(() => YamlLoader.Parse(text, "fuzz.yaml"));
            if (error is null)
            {
                continue;
            }

            var userError = Assert.IsType<UserErrorException>(error);
            Assert.NotEmpty(userError.Diagnostics);
            Assert.All(userError.Diagnostics, d => Assert.Equal("fuzz.yaml", d.Location.File));
        }
    }

    private static YNode Single(string text) => Assert.Single(YamlLoader.Parse(text, "t.yaml"));
}
