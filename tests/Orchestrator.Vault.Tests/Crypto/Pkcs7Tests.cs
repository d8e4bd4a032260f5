namespace Orchestrator.Vault.Tests.Crypto;

public sealed class Pkcs7Tests
{
    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 15)]
    [InlineData(15, 1)]
    [InlineData(16, 16)]
    [InlineData(33, 15)]
    public void Pads_to_a_whole_block_always_adding_at_least_one_byte(int length, int padding)
    {
        var padded = Pkcs7.Pad(new byte[length]);

        Assert.Equal(length + padding, padded.Length);
        Assert.All(padded[length..], b => Assert.Equal(padding, b));
        Assert.Equal(new byte[length], Pkcs7.Unpad(padded));
    }

    [Theory]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("00000000000000000000000000000011")]
    [InlineData("00000000000000000000000000000302")]
    [InlineData("000000")]
    public void Rejects_invalid_padding(string hex)
    {
        var error = Assert.Throws<VaultException>(() => Pkcs7.Unpad(Convert.FromHexString(hex)));

        Assert.Equal(VaultErrorKind.Malformed, error.Kind);
    }
}
