using System.Text;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>indent text n [first]</c>: indents every line but the first by n spaces (Ansible's default, since the
/// first line usually follows text already on the line); blank lines stay empty. first=true indents it too.
/// </summary>
internal static class IndentHelper
{
    public static object? Invoke(HelperArguments args)
    {
        args.Expect(2, 3, "indent text 4 [true]");
        var width = args.Integer(1);
        if (width is < 0 or > 256)
        {
            throw args.Fail("the width must be between 0 and 256");
        }

        var padding = new string(' ', (int)width);
        var indentFirst = args.Count > 2 && Values.Truthiness.IsTrue(args.Value(2));
        var lines = args.Text(0).Split('\n');
        var result = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                result.Append('\n');
            }

            if ((i > 0 || indentFirst) && lines[i].Trim().Length > 0)
            {
                result.Append(padding);
            }

            result.Append(lines[i]);
        }

        return result.ToString();
    }
}
