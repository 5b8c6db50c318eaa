using Portal.Integration.Documents;

namespace Portal.Integration.Tests.Documents;

public sealed class RecognisingUploadedFilesTests : IDisposable
{
    private static readonly byte[] PdfStart = "%PDF-1.7\n"u8.ToArray();
    private static readonly byte[] PngStart = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00];
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];

    private readonly string _folder = Directory.CreateTempSubdirectory("portal-documents-").FullName;

    public static TheoryData<byte[], DocumentFileType> Allowed => new()
    {
        { PdfStart, DocumentFileType.Pdf },
        { PngStart, DocumentFileType.Png },
        { JpegStart, DocumentFileType.Jpeg },
    };

    public static TheoryData<byte[]> Refused => new()
    {
        "MZ\x90\0"u8.ToArray(),                       // a Windows program
        "Dit is tekst, geen foto."u8.ToArray(),
        "%PDF"u8.ToArray(),                            // the signature is five bytes, the dash included
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A },   // PNG without its last signature byte
        new byte[] { 0xFF, 0xD8 },
        "PK\x03\x04"u8.ToArray(),                     // a zip (or .docx)
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(),
        Array.Empty<byte>(),
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AllowedSignature_IsRecognised(byte[] header, DocumentFileType expected) =>
        Assert.Equal(expected, FileSignature.Detect(header));

    [Theory]
    [MemberData(nameof(Refused))]
    public void AnythingElse_IsNotRecognised(byte[] header) =>
        Assert.Null(FileSignature.Detect(header));

    [Fact]
    public async Task StoredFile_IsReadBackUnderARandomKeyWithItsSniffedType()
    {
        var store = new DocumentStore(_folder);
        var content = PngStart.Concat(new byte[5000]).ToArray();

        var stored = await store.SaveAsync(new MemoryStream(content), maxBytes: 10_000);

        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal(5010, stored.SizeBytes);
        Assert.Matches("^[0-9a-f]{48}$", stored.Key);
        await using var read = store.OpenRead(stored.Key)!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task FileOverTheLimit_IsRefusedWhileReadingAndLeavesNothingBehind()
    {
        var store = new DocumentStore(_folder);

        var refused = await Assert.ThrowsAsync<DocumentRefused>(() => store.SaveAsync(new MemoryStream(PdfStart.Concat(new byte[10_000]).ToArray()), maxBytes: 10_000));

        Assert.Equal(DocumentRefusal.TooLarge, refused.Reason);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task DisguisedFile_IsRefusedAndLeavesNothingBehind()
    {
        var store = new DocumentStore(_folder);

        var refused = await Assert.ThrowsAsync<DocumentRefused>(() => store.SaveAsync(new MemoryStream("MZ this is a program"u8.ToArray()), maxBytes: 10_000));

        Assert.Equal(DocumentRefusal.NotAnAllowedType, refused.Reason);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task EmptyFile_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DocumentRefused>(() => new DocumentStore(_folder).SaveAsync(new MemoryStream(), maxBytes: 10_000));

        Assert.Equal(DocumentRefusal.Empty, refused.Reason);
    }

    [Theory]
    [InlineData("../portal.db")]
    [InlineData("..\\..\\etc\\passwd")]
    [InlineData("ABCDEF")]
    public void KeyThatIsNotOneOfOurs_OpensNothing(string key) =>
        Assert.Null(new DocumentStore(_folder).OpenRead(key));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
