namespace Orchestrator.Vault.Tests.Crypto;

public sealed class AesCtrTests
{
    [Fact]
    public void Nist_sp800_38a_ctr_aes256_vector()
    {
        // NIST SP 800-38A, F.5.5 CTR-AES256.Encrypt.
        var key = Convert.FromHexString("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
        var counter = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        var plaintext = Convert.FromHexString(
            "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");

        var ciphertext = AesCtr.Transform(key, counter, plaintext);

        Assert.Equal(
            "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6",
            Convert.ToHexStringLower(ciphertext));
        Assert.Equal(plaintext, AesCtr.Transform(key, counter, ciphertext));
    }

    [Fact]
    public void The_counter_is_one_128_bit_big_endian_integer_that_wraps()
    {
        // Keystream for counter ff..ff, then 00..00 (the wrap): AES-256 with a zero key, as Python's cryptography gives it.
        var keystream = AesCtr.Transform(new byte[32], Enumerable.Repeat((byte)0xff, 16).ToArray(), new byte[32]);

        Assert.Equal("acdace8078a32b1a182bfa4987ca1347dc95c078a2408989ad48a21492842087", Convert.ToHexStringLower(keystream));
    }

    [Theory]
    [InlineData("000000000000000000000000000000ff", "00000000000000000000000000000100")]
    [InlineData("0000000000000000ffffffffffffffff", "00000000000000010000000000000000")]
    [InlineData("ffffffffffffffffffffffffffffffff", "00000000000000000000000000000000")]
    public void Increment_carries_across_all_sixteen_bytes(string before, string after)
    {
        var counter = Convert.FromHexString(before);

        AesCtr.Increment(counter);

        Assert.Equal(after, Convert.ToHexStringLower(counter));
    }

    [Fact]
    public void A_partial_last_block_uses_only_the_keystream_it_needs()
    {
        var key = new byte[32];
        var counter = new byte[16];
        var full = AesCtr.Transform(key, counter, new byte[48]);

        var partial = AesCtr.Transform(key, counter, new byte[37]);

        Assert.Equal(full[..37], partial);
    }
}
