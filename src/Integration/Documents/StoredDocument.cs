namespace Portal.Integration.Documents;

/// <summary>A file as the store kept it: the random key to read it back, its size and the type found in its bytes.</summary>
public sealed record StoredDocument(string Key, long SizeBytes, DocumentFileType Type)
{
    public string ContentType => FileSignature.ContentType(Type);
}
