namespace Portal.Integration.Documents;

/// <summary>A file the document store would not keep, and why; nothing of it was stored.</summary>
public sealed class DocumentRefused(DocumentRefusal reason)
    : Exception($"The file was refused: {reason}.")
{
    public DocumentRefusal Reason { get; } = reason;
}

public enum DocumentRefusal
{
    Empty,
    TooLarge,
    NotAnAllowedType,
}
