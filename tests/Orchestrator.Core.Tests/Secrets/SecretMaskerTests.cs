using Orchestrator.Core.Secrets;

namespace Orchestrator.Core.Tests.Secrets;

public sealed class SecretMaskerTests
{
    [Fact]
    public void Registered_secret_is_masked_everywhere_in_the_text()
    {
        var masker = new SecretMasker();
        masker.Register("hunter2");

        Assert.Equal("pw=******** again ********.", masker.Apply("pw=hunter2 again hunter2."));
    }

    [Fact]
    public void Longer_secret_is_masked_whole_even_when_registered_after_a_shorter_one()
    {
        var masker = new SecretMasker();
        masker.Register("abc");
        masker.Register("abcdef");

        Assert.Equal("x********x and ********", masker.Apply("xabcdefx and abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    public void Very_short_values_are_ignored(string? secret)
    {
        var masker = new SecretMasker();
        masker.Register(secret);

        Assert.Equal("a ab abc", masker.Apply("a ab abc"));
    }

    [Fact]
    public void Three_characters_are_enough()
    {
        var masker = new SecretMasker();
        masker.Register("xyz");

        Assert.Equal("********", masker.Apply("xyz"));
    }

    [Fact]
    public void Registering_twice_changes_nothing()
    {
        var masker = new SecretMasker();
        masker.Register("secret");
        masker.Register("secret");

        Assert.Equal("********", masker.Apply("secret"));
    }

    [Fact]
    public void Matching_is_case_sensitive()
    {
        var masker = new SecretMasker();
        masker.Register("Secret");

        Assert.Equal("secret ********", masker.Apply("secret Secret"));
    }

    [Fact]
    public void Text_without_secrets_is_returned_unchanged()
    {
        var masker = new SecretMasker();

        Assert.Equal("nothing to hide", masker.Apply("nothing to hide"));
        Assert.Equal("", masker.Apply(""));
    }

    [Fact]
    public void Concurrent_registration_and_masking_lose_no_secret()
    {
        var masker = new SecretMasker();
        const int threads = 8;
        const int perThread = 150;
        var deadline = DateTime.UtcNow.AddSeconds(30);

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            for (var i = 0; i < perThread && DateTime.UtcNow < deadline; i++)
            {
                var secret = $"secret-{thread}-{i}-value";
                masker.Register(secret);
                // Masking while others register must see at least this thread's own secret.
                Assert.Equal("[********]", masker.Apply($"[{secret}]"));
            }
        });

        for (var thread = 0; thread < threads; thread++)
        {
            for (var i = 0; i < perThread; i++)
            {
                Assert.DoesNotContain("value", masker.Apply($"secret-{thread}-{i}-value"), StringComparison.Ordinal);
            }
        }
    }
}
