using System.Text;

namespace Orchestrator.Templating.Helpers;

/// <summary><c>b64encode text</c> and <c>b64decode text</c> over UTF-8.</summary>
internal static class Base64Helpers
{
    public static object? Encode(HelperArguments args)
    {
        args.Expect(1, 1, "b64encode text");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(args.Text(0)));
    }

    public static object? Decode(HelperArguments args)
    {
        args.Expect(1, 1, "b64decode text");
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(args.Text(0).Trim()));
        }
        catch (FormatException)
        {
            throw args.Fail("the text is not valid base64");
        }
    }
}
