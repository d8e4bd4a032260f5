using System.Text;
using Orchestrator.Modules.Apt;

namespace Orchestrator.Modules.Tests.Apt;

/// <summary>The controller-side OpenPGP reading apt_key relies on, against keys gpg 2.2 exported (Fixtures/keys).</summary>
public sealed class OpenPgpKeyringTests
{
    private const string Real = "F474047A32E97987D7DFBFF79F945909A3FEAEA2";
    private const string Impostor = "9B5CAE7E30ED11B63EBCADA688120D597F35B138";

    [Fact]
    public void Armored_and_binary_keys_give_the_fingerprint_gpg_shows_and_the_subkey_stays_with_its_key()
    {
        var (armored, armorError) = OpenPgpKeyring.Read(Key("real.asc"));
        var (binary, binaryError) = OpenPgpKeyring.Read(Key("real.gpg"));

        Assert.Null(armorError);
        Assert.Null(binaryError);
        var key = Assert.Single(armored);
        Assert.Equal(Real, key.Fingerprint);
        Assert.Equal("orchestrate fixture key <fixture@example.invalid>", key.UserId);
        Assert.Equal(key.Packets, Assert.Single(binary).Packets);
    }

    [Fact]
    public void Writing_the_keys_gives_what_gpg_dearmor_gives()
    {
        var (keys, _) = OpenPgpKeyring.Read(Key("real.asc"));

        Assert.Equal(Key("real.gpg"), OpenPgpKeyring.Write(keys));
    }

    [Fact]
    public void Several_blocks_and_concatenated_binary_keys_are_all_read()
    {
        var armored = Key("impostor.asc").Concat("\n"u8.ToArray()).Concat(Key("real.asc")).ToArray();
        var binary = Key("real.gpg").Concat(Key("impostor.gpg")).ToArray();

        Assert.Equal([Impostor, Real], OpenPgpKeyring.Read(armored).Keys.Select(k => k.Fingerprint));
        Assert.Equal([Real, Impostor], OpenPgpKeyring.Read(binary).Keys.Select(k => k.Fingerprint));
    }

    [Theory]
    [InlineData("<html><body>404 Not Found</body></html>")]
    [InlineData("")]
    [InlineData("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%%%% not base64 %%%%\n-----END PGP PUBLIC KEY BLOCK-----\n")]
    public void What_is_not_a_key_is_an_error(string text)
    {
        var (keys, error) = OpenPgpKeyring.Read(Encoding.ASCII.GetBytes(text));

        Assert.Empty(keys);
        Assert.NotNull(error);
    }

    [Fact]
    public void A_truncated_key_is_an_error()
    {
        var key = Key("real.gpg");

        var (keys, error) = OpenPgpKeyring.Read(key[..(key.Length / 2)]);

        Assert.Empty(keys);
        Assert.Contains("truncated", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F474047A32E97987D7DFBFF79F945909A3FEAEA2", Real)]
    [InlineData("0xf474047a32e97987d7dfbff79f945909a3feaea2", Real)]
    [InlineData("F474 047A 32E9 7987 D7DF  BFF7 9F94 5909 A3FE AEA2", Real)]
    public void Fingerprints_are_normalized(string id, string expected)
    {
        Assert.Equal((expected, null), KeyFingerprint.Normalize(id));
    }

    [Theory]
    [InlineData("A3FEAEA2", "short key id (8 hex digits)")]
    [InlineData("9F945909A3FEAEA2", "short key id (16 hex digits)")]
    [InlineData("F474047A32E97987D7DFBFF79F945909A3FEAE", "not a key fingerprint")]
    [InlineData("not-hex", "not a key fingerprint")]
    public void Short_and_malformed_ids_are_refused(string id, string message)
    {
        var (fingerprint, error) = KeyFingerprint.Normalize(id);

        Assert.Null(fingerprint);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static byte[] Key(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "keys", name));
}
