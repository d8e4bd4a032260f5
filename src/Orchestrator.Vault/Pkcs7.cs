namespace Orchestrator.Vault;

/// <summary>PKCS#7 padding to the AES block size; Ansible pads the plaintext before its CTR encryption.</summary>
internal static class Pkcs7
{
    public const int BlockSize = 16;

    public static byte[] Pad(ReadOnlySpan<byte> data)
    {
        var padding = BlockSize - (data.Length % BlockSize);
        var padded = new byte[data.Length + padding];
        data.CopyTo(padded);
        padded.AsSpan(data.Length).Fill((byte)padding);
        return padded;
    }

    public static byte[] Unpad(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0 || data.Length % BlockSize != 0)
        {
            throw new VaultException(VaultErrorKind.Malformed, "vault ciphertext length is not a whole number of blocks");
        }

        var padding = data[^1];
        if (padding is 0 or > BlockSize)
        {
            throw new VaultException(VaultErrorKind.Malformed, "vault plaintext has invalid padding");
        }

        foreach (var b in data[^padding..])
        {
            if (b != padding)
            {
                throw new VaultException(VaultErrorKind.Malformed, "vault plaintext has invalid padding");
            }
        }

        return data[..^padding].ToArray();
    }
}
