namespace Portal.Integration.Documents;

/// <summary>
/// Recognises the file types residents may send (PDF, PNG, JPEG) from their first bytes. The
/// name and the content type the browser sends are the resident's claim; the bytes are the file.
/// </summary>
public static class FileSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs at most.</summary>
    public const int HeaderLength = 8;

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    /// <summary>The kind of file these leading bytes start, or null for anything else.</summary>
    public static DocumentFileType? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(Pdf) ? DocumentFileType.Pdf
        : header.StartsWith(Png) ? DocumentFileType.Png
        : header.StartsWith(Jpeg) ? DocumentFileType.Jpeg
        : null;

    public static string ContentType(DocumentFileType type) => type switch
    {
        DocumentFileType.Pdf => "application/pdf",
        DocumentFileType.Png => "image/png",
        DocumentFileType.Jpeg => "image/jpeg",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

public enum DocumentFileType
{
    Pdf,
    Png,
    Jpeg,
}
