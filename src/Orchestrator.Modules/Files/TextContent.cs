using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Modules.Files;

/// <summary>Checksums and the text form of file content for diffs.</summary>
internal static class TextContent
{
    /// <summary>Larger files are not diffed (Ansible stops at about 100 KB; unified diffs of more help no one).</summary>
    public const int MaxDiffBytes = 512 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Sha1(byte[] content) => Convert.ToHexStringLower(SHA1.HashData(content));

    /// <summary>The content as text when it is UTF-8 without NUL bytes and small enough to diff.</summary>
    public static string? AsDiffText(byte[] content)
    {
        if (content.Length > MaxDiffBytes || Array.IndexOf(content, (byte)0) >= 0)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public static byte[] Encode(string text) => new UTF8Encoding(false).GetBytes(text);
}
