using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Contracts.Documents;

/// <summary>
/// A document of a contract: the signed contract, an annex, an amendment or another paper, optionally belonging to one
/// of its versions, with its file kept in the document store under <see cref="StorageKey"/>. Officers of the lead
/// municipality add and remove documents; a removed document stays as a row with who removed it, when and why, and
/// both steps are entries in the contract's history. A document that belongs to a signed version is frozen with it.
/// </summary>
public sealed class ContractDocument
{
    public const int MaxTitleLength = 200, MaxFileNameLength = 200, MaxReasonLength = 2000;
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private ContractDocument() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public ContractDocumentKind Kind { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The version the document belongs to; none: the contract as a whole.</summary>
    public Guid? VersionId { get; private set; }

    /// <summary>That version's number, kept for the list and the history (a discarded draft's number is not reused for it).</summary>
    public int? VersionNumber { get; private set; }

    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";

    public DateTime UploadedAtUtc { get; private set; }
    public string UploadedByUserId { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";

    public DateTime? RemovedAtUtc { get; private set; }
    public string? RemovedByUserId { get; private set; }
    public string? RemovedByName { get; private set; }
    public string? RemovalReason { get; private set; }

    public bool IsRemoved => RemovedAtUtc is not null;

    /// <summary>Adds a document to the contract (to <paramref name="versionId"/> when given, a version of this contract) and records it in the contract's history.</summary>
    public static ContractDocument Add(Contract contract, ContractDocumentKind kind, string? title, Guid? versionId, ContractDocumentFile file, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(kind))
            throw new DomainRuleViolated("Not a kind of contract document.");
        var text = title?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(DomainRule.ContractDocumentTitleMissing, "A document needs a title.");
        if (text.Length > MaxTitleLength)
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {MaxTitleLength} characters.", MaxTitleLength);
        ContractVersion? version = null;
        if (versionId is { } id)
            version = contract.Versions.SingleOrDefault(v => v.Id == id)
                ?? throw new DomainRuleViolated(DomainRule.ContractDocumentVersionUnknown, "The version is not one of this contract's.");
        StoredUpload.Check(file.SizeBytes, MaxSizeBytes, file.StorageKey);

        var document = new ContractDocument
        {
            Id = Guid.NewGuid(),
            ContractId = contract.Id,
            Kind = kind,
            Title = text,
            VersionId = version?.Id,
            VersionNumber = version?.Number,
            FileName = FileNameOf(file.FileName),
            ContentType = file.ContentType,
            SizeBytes = file.SizeBytes,
            StorageKey = file.StorageKey,
            UploadedAtUtc = nowUtc,
            UploadedByUserId = actor.UserId,
            UploadedByName = actor.Name,
        };
        contract.RecordBeside(ContractChangeKind.DocumentAdded, actor, nowUtc, document.VersionNumber,
            string.Create(CultureInfo.InvariantCulture, $"{kind} {document.Title}; {document.FileName}; {document.SizeBytes} bytes"));
        return document;
    }

    /// <summary>
    /// Takes the document off the contract with a reason, recorded in the contract's history. A document of a signed
    /// version is part of what was signed and stays: the contract is changed by an amendment with its own documents.
    /// </summary>
    public void Remove(Contract contract, string? reason, ContractActor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(actor);
        if (contract.Id != ContractId)
            throw new DomainRuleViolated("Not a document of this contract.");
        if (IsRemoved)
            throw new DomainRuleViolated(DomainRule.ContractDocumentAlreadyRemoved, "The document was already removed.");
        if (VersionId is { } versionId && contract.Versions.SingleOrDefault(v => v.Id == versionId) is { IsSigned: true } signed)
            throw new DomainRuleViolated(DomainRule.ContractDocumentFrozen, $"The document belongs to signed version {signed.Number} and cannot be removed.", signed.Number);
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainRuleViolated(DomainRule.ContractDocumentRemovalNeedsReason, "Say why the document is removed.");
        if (text.Length > MaxReasonLength)
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {MaxReasonLength} characters.", MaxReasonLength);
        RemovedAtUtc = nowUtc;
        RemovedByUserId = actor.UserId;
        RemovedByName = actor.Name;
        RemovalReason = text;
        contract.RecordBeside(ContractChangeKind.DocumentRemoved, actor, nowUtc, VersionNumber, $"{Kind} {Title}: {text}");
    }

    private static string FileNameOf(string? fileName) =>
        StoredUpload.DisplayName(fileName, "document", MaxFileNameLength);
}

/// <summary>What kind of paper a contract document is (stored by name).</summary>
public enum ContractDocumentKind
{
    SignedContract,
    Annex,
    Amendment,
    Other,
}

/// <summary>The stored file: the name it was sent with (for display only), the type found in its bytes, its size and key.</summary>
public sealed record ContractDocumentFile(string FileName, string ContentType, long SizeBytes, string StorageKey);
