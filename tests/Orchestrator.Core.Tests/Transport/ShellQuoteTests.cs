using System.Diagnostics;
using System.Text;
using Orchestrator.Core.Transport;

namespace Orchestrator.Core.Tests.Transport;

public sealed class ShellQuoteTests
{
    private const string Tricky = "'\"\\$`!*?[]{}()<>|&;#~ \t\n\r=%@,:+./-_aZ09éß漢字🙂\u00a0\u2028";

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("/etc/mesos-master/quorum", "/etc/mesos-master/quorum")]
    [InlineData("a=b,c:d+e@f%g", "a=b,c:d+e@f%g")]
    [InlineData("", "''")]
    [InlineData("two words", "'two words'")]
    [InlineData("it's", "'it'\"'\"'s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("~", "'~'")]
    [InlineData("é", "'é'")]
    public void Quotes_only_what_needs_quoting(string value, string expected)
    {
        Assert.Equal(expected, ShellQuote.Quote(value));
    }

    [Fact]
    public void Join_quotes_each_word()
    {
        Assert.Equal("echo 'a b' '' 'c'\"'\"'d'", ShellQuote.Join(["echo", "a b", "", "c'd"]));
    }

    [Fact]
    public void Random_strings_are_one_word_that_reads_back_exactly()
    {
        var random = new Random(7001);
        for (var round = 0; round < 2000; round++)
        {
            var value = RandomString(random);
            var quoted = ShellQuote.Quote(value);

            var words = PosixWords.Split(quoted);

            Assert.True(words.Count == 1 && words[0] == value, $"round {round}: {Show(value)} quoted as {Show(quoted)} read back as [{string.Join("|", words.Select(Show))}]");
        }
    }

    [Fact]
    public void Random_word_lists_join_into_the_same_words()
    {
        var random = new Random(7002);
        for (var round = 0; round < 500; round++)
        {
            var words = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomString(random)).ToList();

            Assert.Equal(words, PosixWords.Split(ShellQuote.Join(words)));
        }
    }

    [Fact]
    public async Task The_real_shell_prints_the_original_exactly()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        var random = new Random(7003);
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 200 && clock.Elapsed < TimeSpan.FromSeconds(60); round++)
        {
            var value = RandomString(random);

            var printed = await ShellAsync("printf %s " + ShellQuote.Quote(value));

            Assert.True(printed == value, $"round {round}: {Show(value)} printed as {Show(printed)}");
        }
    }

    [Fact]
    public async Task The_real_shell_sees_joined_words_as_separate_arguments()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        string[] words = ["a b", "", "it's", "$(touch /tmp/never)", "*", "\n", "-n"];

        var printed = await ShellAsync("printf '<%s>' " + ShellQuote.Join(words));

        Assert.Equal(string.Concat(words.Select(w => $"<{w}>")), printed);
    }

    private static string RandomString(Random random)
    {
        var length = random.Next(0, 24);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var pick = random.Next(10);
            if (pick < 6)
            {
                text.Append(Tricky[random.Next(Tricky.Length)]);
                if (char.IsHighSurrogate(text[^1]))
                {
                    text.Length--;
                    text.Append("🙂");
                }
                else if (char.IsLowSurrogate(text[^1]))
                {
                    text.Length--;
                }
            }
            else if (pick < 9)
            {
                text.Append((char)random.Next(0x20, 0x7f));
            }
            else
            {
                text.Append(char.ConvertFromUtf32(random.Next(0xa0, 0xd7ff)));
            }
        }

        return text.ToString();
    }

    private static async Task<string> ShellAsync(string script)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }

    private static string Show(string text) =>
        "\"" + string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
