using System.Security.Cryptography;

namespace Orchestrator.Vault;

/// <summary>
/// AES in counter mode, built on ECB block encryption because .NET has no CTR mode. The counter is the
/// 16-byte initial block read as one big-endian 128-bit integer, incremented per block (wrapping at 2^128),
/// which is how the Python cryptography library Ansible uses runs CTR.
/// </summary>
internal static class AesCtr
{
    private const int BlockSize = 16;

    /// <summary>Encrypts or decrypts (the same operation in CTR).</summary>
    public static byte[] Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> initialCounter, ReadOnlySpan<byte> input)
    {
        if (initialCounter.Length != BlockSize)
        {
            throw new ArgumentException("the CTR initial counter must be 16 bytes", nameof(initialCounter));
        }

        var blocks = (input.Length + BlockSize - 1) / BlockSize;
        var counters = new byte[blocks * BlockSize];
        var counter = initialCounter.ToArray();
        for (var i = 0; i < blocks; i++)
        {
            counter.CopyTo(counters, i * BlockSize);
            Increment(counter);
        }

        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var keystream = aes.EncryptEcb(counters, PaddingMode.None);
        var output = new byte[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }

        CryptographicOperations.ZeroMemory(keystream);
        return output;
    }

    /// <summary>Adds one to a big-endian 128-bit integer in place.</summary>
    internal static void Increment(byte[] counter)
    {
        for (var i = counter.Length - 1; i >= 0; i--)
        {
            if (++counter[i] != 0)
            {
                return;
            }
        }
    }
}
