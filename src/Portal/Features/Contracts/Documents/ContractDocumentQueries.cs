using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contracts.Documents;
using Portal.Integration.Persistence;

namespace Portal.Features.Contracts.Documents;

/// <summary>
/// What the contract page's documents section and the download read: for the contract's officers (of any of its
/// municipalities), administrators and the operator's CPO users (<see cref="ContractViewer.CanRead"/>); anyone else
/// learns nothing, whatever ids they try. Removed documents are neither listed nor downloadable.
/// </summary>
internal sealed class ContractDocumentQueries(PortalDbContext db, ContractAccess access)
{
    /// <summary>The documents in force, by version (the contract as a whole last) and then upload; null when the reader may not see the contract.</summary>
    public async Task<ContractDocumentsOverview?> OverviewAsync(ClaimsPrincipal user, Guid contractId, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Municipalities).Include(c => c.Versions).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null || !viewer.CanRead(contract))
            return null;
        var documents = (await db.Set<ContractDocument>().AsNoTracking().Where(d => d.ContractId == contractId && d.RemovedAtUtc == null).ToListAsync(ct))
            .OrderBy(d => d.VersionNumber ?? int.MaxValue).ThenBy(d => d.UploadedAtUtc).ThenBy(d => d.Title, StringComparer.CurrentCulture).ToList();
        var versions = contract.Versions.OrderBy(v => v.Number).Select(v => new DocumentVersion(v.Id, v.Number, v.IsSigned)).ToList();
        return new ContractDocumentsOverview(viewer.CanEdit(contract), versions, documents);
    }

    /// <summary>The stored file of a document not removed, for those who may see its contract; null otherwise.</summary>
    public async Task<ContractDocumentFileRef?> FileAsync(ClaimsPrincipal user, Guid contractId, Guid documentId, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Municipalities).SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null || !viewer.CanRead(contract))
            return null;
        return await db.Set<ContractDocument>().AsNoTracking().Where(d => d.Id == documentId && d.ContractId == contractId && d.RemovedAtUtc == null)
            .Select(d => new ContractDocumentFileRef(d.StorageKey, d.ContentType, d.FileName)).SingleOrDefaultAsync(ct);
    }
}

/// <summary>The section's content: whether the reader may add and remove, the versions to choose from, and the documents.</summary>
internal sealed record ContractDocumentsOverview(bool CanEdit, IReadOnlyList<DocumentVersion> Versions, IReadOnlyList<ContractDocument> Documents)
{
    /// <summary>Whether the document is frozen with a signed version (removing it is refused; the button is not offered).</summary>
    public bool IsFrozen(ContractDocument document) => Versions.Any(v => v.Id == document.VersionId && v.IsSigned);
}

/// <summary>A version of the contract a document can belong to.</summary>
public sealed record DocumentVersion(Guid Id, int Number, bool IsSigned);

internal sealed record ContractDocumentFileRef(string StorageKey, string ContentType, string FileName);
