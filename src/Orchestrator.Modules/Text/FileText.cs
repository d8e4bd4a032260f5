using System.Text;

namespace Orchestrator.Modules.Text;

/// <summary>
/// File bytes as text without losing a byte: UTF-8 when they are valid UTF-8, else Latin-1 (one char per
/// byte, as Ansible's byte-wise lineinfile sees them). Arguments are brought into the same form, so a UTF-8
/// line can still be found in, and written into, a file that is not UTF-8.
/// </summary>
internal sealed class FileText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private FileText(string text, Encoding encoding)
    {
        Text = text;
        Encoding = encoding;
    }

    public string Text { get; }

    public Encoding Encoding { get; }

    public bool IsUtf8 => Encoding == StrictUtf8;

    public static FileText Decode(byte[] content)
    {
        try
        {
            return new FileText(StrictUtf8.GetString(content), StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            return new FileText(Encoding.Latin1.GetString(content), Encoding.Latin1);
        }
    }

    /// <summary>An argument as it would appear in this file's text.</summary>
    public string? Adapt(string? argument) =>
        argument is null || IsUtf8 ? argument : Encoding.Latin1.GetString(StrictUtf8.GetBytes(argument));

    public byte[] Encode(string text) => Encoding.GetBytes(text);
}
