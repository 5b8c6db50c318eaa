using Portal.Domain.Common;

namespace Portal.Domain.TrafficOrders;

/// <summary>
/// A file that belongs to an objection or view: an attachment its sender sent with it, or the minutes of the
/// hearing an officer uploaded. The bytes live in the document store under <see cref="StorageKey"/>; this row
/// says what it is. Personal data, like the objection itself: never public.
/// </summary>
public sealed class ObjectionDocument
{
    public const int MaxFileNameLength = 200;

    /// <summary>The same limit as an application's files.</summary>
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    /// <summary>How many files a sender can attach to one objection or view.</summary>
    public const int MaxAttachments = 5;

    private ObjectionDocument() { }

    public Guid Id { get; private set; }
    public Guid ObjectionId { get; private set; }
    public ObjectionDocumentKind Kind { get; private set; }

    /// <summary>The name the file had, for display only; never used as a path.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The type found from the file's first bytes, not from its name.</summary>
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    public static ObjectionDocument Create(Guid objectionId, ObjectionDocumentKind kind, string? fileName, string contentType, long sizeBytes, string storageKey, DateTime nowUtc)
    {
        StoredUpload.Check(sizeBytes, MaxSizeBytes, storageKey);
        var name = StoredUpload.DisplayName(fileName, "document", MaxFileNameLength);
        return new ObjectionDocument
        {
            Id = Guid.NewGuid(),
            ObjectionId = objectionId,
            Kind = kind,
            FileName = name,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            StorageKey = storageKey,
            UploadedAtUtc = nowUtc,
        };
    }
}

public enum ObjectionDocumentKind
{
    /// <summary>Sent by the objector with the objection or view.</summary>
    Attachment,

    /// <summary>The minutes (verslag) of the hearing, uploaded by an officer.</summary>
    HearingMinutes,
}
