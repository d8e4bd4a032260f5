using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Tests.Diagnostics;

public sealed class DiagnosticFormatterTests
{
    [Fact]
    public void Shows_the_line_with_a_caret_under_the_column()
    {
        var diagnostic = new Diagnostic(new SourceLocation("playbooks/site.yaml", 12, 7), "unknown module 'foo'", "    - foo: bar");

        Assert.Equal(
            "ERROR: unknown module 'foo'\n" +
            "  --> playbooks/site.yaml:12:7\n" +
            "   |\n" +
            "12 |     - foo: bar\n" +
            "   |       ^\n",
            DiagnosticFormatter.Format(diagnostic));
    }

    [Fact]
    public void Gutter_is_as_wide_as_the_line_number()
    {
        var text = DiagnosticFormatter.Format(new Diagnostic(new SourceLocation("f", 1234, 1), "m", "x"));

        Assert.Equal("ERROR: m\n  --> f:1234:1\n     |\n1234 | x\n     | ^\n", text);
    }

    [Fact]
    public void Tabs_are_shown_and_the_caret_stays_under_its_character()
    {
        var text = DiagnosticFormatter.Format(new Diagnostic(new SourceLocation("f.yaml", 3, 2), "YAML does not allow tabs", "\t\tc: 2"));

        Assert.Equal("ERROR: YAML does not allow tabs\n  --> f.yaml:3:2\n  |\n3 | →→c: 2\n  |  ^\n", text);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(99, 3)]
    public void Caret_column_is_kept_within_the_line(int column, int expectedSpaces)
    {
        var text = DiagnosticFormatter.Format(new Diagnostic(new SourceLocation("f", 1, column), "m", "abc"));

        Assert.EndsWith("\n  | " + new string(' ', expectedSpaces) + "^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_location_shows_only_the_message()
    {
        Assert.Equal("ERROR: something broke\n", DiagnosticFormatter.Format(new Diagnostic(SourceLocation.None, "something broke")));
    }

    [Fact]
    public void File_without_line_shows_the_file()
    {
        var text = DiagnosticFormatter.Format(new Diagnostic(new SourceLocation("inventory.yaml", 0, 0), "inventory not found: inventory.yaml"));

        Assert.Equal("ERROR: inventory not found: inventory.yaml\n  --> inventory.yaml\n", text);
    }

    [Fact]
    public void Line_text_is_read_from_the_file_when_not_given()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "first\n  second: x\nthird\n");

            var text = DiagnosticFormatter.Format(new Diagnostic(new SourceLocation(path, 2, 3), "bad"));

            Assert.Equal($"ERROR: bad\n  --> {path}:2:3\n  |\n2 |   second: x\n  |   ^\n", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_file_or_line_leaves_out_the_excerpt()
    {
        Assert.Equal("ERROR: bad\n  --> /nonexistent/x.yaml:2:3\n", DiagnosticFormatter.Format(new Diagnostic(new SourceLocation("/nonexistent/x.yaml", 2, 3), "bad")));

        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "only line\n");
            Assert.Equal($"ERROR: bad\n  --> {path}:5:1\n", DiagnosticFormatter.Format(new Diagnostic(new SourceLocation(path, 5, 1), "bad")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Several_diagnostics_are_separated_by_a_blank_line()
    {
        var text = DiagnosticFormatter.Format([
            new Diagnostic(new SourceLocation("a", 1, 1), "one", "x"),
            new Diagnostic(SourceLocation.None, "two"),
        ]);

        Assert.Equal("ERROR: one\n  --> a:1:1\n  |\n1 | x\n  | ^\n\nERROR: two\n", text);
    }

    [Fact]
    public void User_error_carries_its_diagnostics_and_exit_code()
    {
        var error = new UserErrorException(new SourceLocation("f", 2, 3), "bad thing", ExitCodes.BadOptions);

        Assert.Equal("bad thing", error.Message);
        Assert.Equal(ExitCodes.BadOptions, error.ExitCode);
        Assert.Equal(new SourceLocation("f", 2, 3), Assert.Single(error.Diagnostics).Location);
        Assert.Equal(ExitCodes.InvalidInput, new UserErrorException([]).ExitCode);
        Assert.Equal("invalid input", new UserErrorException([]).Message);
    }

    [Theory]
    [InlineData("f", 3, 4, "f:3:4", true)]
    [InlineData("f", 0, 0, "f", false)]
    [InlineData("", 3, 4, "", false)]
    public void Source_location_text(string file, int line, int column, string expected, bool known)
    {
        var location = new SourceLocation(file, line, column);

        Assert.Equal(expected, location.ToString());
        Assert.Equal(known, location.IsKnown);
    }
}
