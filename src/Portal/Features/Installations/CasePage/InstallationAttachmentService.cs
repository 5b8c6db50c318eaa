using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Installations;
using Portal.Features.Contracts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Installations.CasePage;

/// <summary>A file stored with the case's attachment, for the download: its name, the type found in its bytes and its key.</summary>
internal sealed record InstallationAttachmentFile(string FileName, string ContentType, string StorageKey);

/// <summary>
/// Photos and documents given with a step, by whoever may report the case's steps (<see cref="InstallationViewer.CanReport"/>);
/// anyone else is refused with <see cref="UnauthorizedAccessException"/>. The file goes through the same limit,
/// signature check and store as contract files (<see cref="ContractFileUpload"/>): PDF, PNG and JPEG by their bytes.
/// A refused file or a broken rule comes back as the problem in the reader's language, with no file left behind.
/// </summary>
internal sealed class InstallationAttachmentService(PortalDbContext db, InstallationAccess access, ContractFileUpload files, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<InstallationStepResult> AttachAsync(ClaimsPrincipal user, Guid caseId, InstallationStep step, string fileName, Stream content, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var installation = await db.InstallationCases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (installation is null || !viewer.CanReport(installation))
            throw new UnauthorizedAccessException("Not a case this person may report on.");
        var person = await users.GetUserAsync(user) ?? throw new UnauthorizedAccessException("The account no longer exists.");
        var (_, problem) = await files.StoreAsync(content, InstallationAttachment.MaxSizeBytes, async stored =>
        {
            var attachment = InstallationAttachment.Attach(installation, step, new InstallationFile(fileName, stored.ContentType, stored.SizeBytes, stored.Key),
                new InstallationActor(person.Id, person.DisplayName), clock.GetUtcNow().UtcDateTime);
            db.InstallationAttachments.Add(attachment);
            await db.SaveChangesAsync(ct);
            return attachment.Id;
        }, ct);
        return new InstallationStepResult(caseId, problem);
    }

    /// <summary>The attachment's file when the person may read its case; null otherwise, as for an unknown id.</summary>
    public async Task<InstallationAttachmentFile?> FileAsync(ClaimsPrincipal user, Guid caseId, Guid attachmentId, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var installation = await db.InstallationCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (installation is null || !viewer.CanRead(installation))
            return null;
        return await db.InstallationAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.CaseId == caseId)
            .Select(a => new InstallationAttachmentFile(a.FileName, a.ContentType, a.StorageKey)).SingleOrDefaultAsync(ct);
    }
}
