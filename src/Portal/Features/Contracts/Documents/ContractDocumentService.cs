using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Documents;
using Portal.Integration.Accounts;
using Portal.Integration.Documents;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Contracts.Documents;

/// <summary>
/// A contract's documents added and removed by officers of its lead municipality (<see cref="ContractViewer.CanEdit"/>);
/// anyone else is refused with <see cref="UnauthorizedAccessException"/>. The file goes through the same checks and
/// store as evidence (<see cref="ContractFileUpload"/>). A broken rule or a refused file comes back as the problem in
/// the reader's language, with nothing saved and no file left behind. A removed document's file is deleted from the
/// store once the removal is saved: its row, with who removed it and why, stays in the contract's record.
/// </summary>
internal sealed class ContractDocumentService(PortalDbContext db, ContractAccess access, ContractFileUpload files, DocumentStore store,
    UserManager<PortalUser> users, TimeProvider clock, IStringLocalizer<Texts> T)
{
    public async Task<ContractDocumentStep> UploadAsync(ClaimsPrincipal officer, Guid contractId, ContractDocumentUpload upload, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var contract = await EditableAsync(officer, contractId, ct);
        var (id, problem) = await files.StoreAsync(content, ContractDocument.MaxSizeBytes, async stored =>
        {
            var file = new ContractDocumentFile(upload.FileName, stored.ContentType, stored.SizeBytes, stored.Key);
            var document = ContractDocument.Add(contract, upload.Kind, upload.Title, upload.VersionId, file, await ActorAsync(officer), Now);
            db.Add(document);
            await db.SaveChangesAsync(ct);
            return document.Id;
        }, ct);
        return new ContractDocumentStep(id, problem);
    }

    public async Task<ContractDocumentStep> RemoveAsync(ClaimsPrincipal officer, Guid contractId, Guid documentId, string? reason, CancellationToken ct = default)
    {
        var contract = await EditableAsync(officer, contractId, ct);
        var document = await db.Set<ContractDocument>().SingleOrDefaultAsync(d => d.Id == documentId && d.ContractId == contractId, ct)
            ?? throw new UnauthorizedAccessException("Not a document of this contract.");
        try
        {
            document.Remove(contract, reason, await ActorAsync(officer), Now);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleViolated e)
        {
            return new ContractDocumentStep(document.Id, RuleMessages.Text(T, e));
        }
        store.Delete(document.StorageKey);
        return new ContractDocumentStep(document.Id, null);
    }

    /// <summary>The contract with its versions, tracked, for an officer of its lead municipality.</summary>
    private async Task<Contract> EditableAsync(ClaimsPrincipal officer, Guid contractId, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        var contract = await db.Contracts.Include(c => c.Municipalities).Include(c => c.Versions).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null || !viewer.CanEdit(contract))
            throw new UnauthorizedAccessException("Only an officer of the contract's lead municipality adds or removes its documents.");
        return contract;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<ContractActor> ActorAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal) ?? throw new UnauthorizedAccessException("The account no longer exists.");
        return new ContractActor(user.Id, user.DisplayName);
    }
}

/// <summary>What the officer filled in; the file comes beside it as a stream.</summary>
internal sealed record ContractDocumentUpload(ContractDocumentKind Kind, string? Title, Guid? VersionId, string FileName);

/// <summary>The document the step was about, or the problem that stopped it.</summary>
internal sealed record ContractDocumentStep(Guid? DocumentId, string? Problem)
{
    public bool Succeeded => Problem is null;
}
