using Orchestrator.Vault.Tests.Support;

namespace Orchestrator.Vault.Tests.Crypto;

public sealed class VaultKeysTests
{
    [Fact]
    public void Pbkdf2_sha256_10000_iterations_80_bytes_split_32_32_16()
    {
        // hashlib.pbkdf2_hmac('sha256', b'orchestrate', bytes(range(32)), 10000, 80)
        const string Expected = "133c7afff325324f08f5c0504c8d168a68d23e885a12c0e2f5cd3cd45d328e5c"
            + "414e25c7ab28455200dc8ccae7c189eb6fa8fb2e8fdad064d82da7ff52c5fa45"
            + "f71bb36c4ec88b0187019459fe4e9855";

        var keys = VaultKeys.Derive("orchestrate"u8, Fixture.Salt);

        Assert.Equal(Expected[..64], Convert.ToHexStringLower(keys.CipherKey));
        Assert.Equal(Expected[64..128], Convert.ToHexStringLower(keys.HmacKey));
        Assert.Equal(Expected[128..], Convert.ToHexStringLower(keys.InitialCounter));
    }
}
