using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>
/// A file the resident attached: proof for the car, or an answer to a request for information.
/// The bytes live in the document store under <see cref="StorageKey"/>; this row says what it is.
/// </summary>
public sealed class ApplicationDocument
{
    public const int MaxFileNameLength = 200;
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private ApplicationDocument() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public DocumentKind Kind { get; private set; }

    /// <summary>The name the resident's file had, for display only; never used as a path.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The type found from the file's first bytes, not from its name.</summary>
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    internal static ApplicationDocument Create(Guid applicationId, DocumentKind kind, string fileName, string contentType, long sizeBytes, string storageKey, DateTime nowUtc)
    {
        StoredUpload.Check(sizeBytes, MaxSizeBytes, storageKey);
        var name = StoredUpload.DisplayName(fileName, "document", MaxFileNameLength);
        return new ApplicationDocument
        {
            Id = Guid.NewGuid(),
            ApplicationId = applicationId,
            Kind = kind,
            FileName = name,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            StorageKey = storageKey,
            UploadedAtUtc = nowUtc,
        };
    }
}

public enum DocumentKind
{
    /// <summary>Kentekenbewijs (registration certificate).</summary>
    RegistrationCertificate,

    /// <summary>Purchase contract, for a car that is ordered or just bought.</summary>
    PurchaseContract,

    /// <summary>Lease contract (private or business lease).</summary>
    LeaseContract,

    /// <summary>Sent with an answer to a request for more information.</summary>
    InformationAnswer,
}
