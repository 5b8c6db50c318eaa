using System.Security.Cryptography;

namespace Portal.Integration.Documents;

/// <summary>
/// Residents' files on disk, in a folder outside the web root, each under a random key (never the
/// name it was sent with, so a name cannot reach another path). Several nodes share the folder
/// the way they share the database.
/// </summary>
public sealed class DocumentStore(string folder)
{
    private const int KeyBytes = 24;

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>
    /// Copies the stream into the store while counting, so the limit holds whatever the request
    /// claimed its length was, and refuses anything whose first bytes are not a PDF, PNG or JPEG.
    /// </summary>
    /// <exception cref="DocumentRefused">Empty, larger than <paramref name="maxBytes"/>, or not an allowed type.</exception>
    public async Task<StoredDocument> SaveAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var key = NewKey();
        var path = PathOf(key);
        var buffer = new byte[81920];
        long total = 0;
        DocumentFileType? type = null;
        var header = new byte[FileSignature.HeaderLength];
        var headerLength = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                        throw new DocumentRefused(DocumentRefusal.TooLarge);
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(read, header.Length - headerLength);
                        Array.Copy(buffer, 0, header, headerLength, take);
                        headerLength += take;
                    }
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (total == 0)
                throw new DocumentRefused(DocumentRefusal.Empty);
            type = FileSignature.Detect(header.AsSpan(0, headerLength));
            if (type is null)
                throw new DocumentRefused(DocumentRefusal.NotAnAllowedType);
            return new StoredDocument(key, total, type.Value);
        }
        finally
        {
            if (type is null)
                File.Delete(path);
        }
    }

    /// <summary>The stored bytes, or null when the key is unknown or malformed.</summary>
    public Stream? OpenRead(string key)
    {
        if (!IsKey(key) || !File.Exists(PathOf(key)))
            return null;
        return new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
    }

    public void Delete(string key)
    {
        if (IsKey(key))
            File.Delete(PathOf(key));
    }

    private string PathOf(string key) => Path.Combine(Folder, key);

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyBytes));

    private static bool IsKey(string key) =>
        key.Length == KeyBytes * 2 && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
