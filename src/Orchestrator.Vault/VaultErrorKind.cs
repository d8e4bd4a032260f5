namespace Orchestrator.Vault;

/// <summary>Why vault text could not be decrypted.</summary>
public enum VaultErrorKind
{
    /// <summary>The text is not vault data at all, or its envelope or payload is damaged.</summary>
    Malformed,

    /// <summary>A vault format version or cipher this build does not read (1.0, AES).</summary>
    Unsupported,

    /// <summary>The HMAC did not match: a wrong password, or the ciphertext was changed.</summary>
    WrongPassword,
}
