using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Integration.Documents;
using Portal.Integration.Persistence;

namespace Portal.Features.Applications;

/// <summary>
/// Privacy: once a closed application is older than the municipality's retention period (counted
/// from the decision or withdrawal), its personal data and files are removed; what statistics need
/// stays (<see cref="Application.RemovePersonalData"/>). Drafts nobody touched for as long are
/// deleted altogether. Runs daily as RemovePersonalDataJob; it is idempotent.
/// </summary>
internal sealed class ApplicationRetention(
    PortalDbContext db,
    ApplicationPolicySource policies,
    DocumentStore files,
    TimeProvider clock,
    ILogger<ApplicationRetention> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var municipalities = await db.Applications.Select(a => a.MunicipalityId).Distinct().ToListAsync(ct);
        int anonymised = 0, draftsDeleted = 0, filesDeleted = 0;
        foreach (var municipalityId in municipalities)
        {
            var cutoff = now.AddMonths(-(await policies.GetAsync(municipalityId, ct)).RetentionMonths);

            var closed = await WithDetails()
                .Where(a => a.MunicipalityId == municipalityId && a.ClosedAtUtc != null && a.ClosedAtUtc < cutoff && a.PersonalDataRemovedAtUtc == null)
                .ToListAsync(ct);
            var stale = new List<ApplicationDocument>();
            foreach (var application in closed)
                stale.AddRange(application.RemovePersonalData(now));
            anonymised += closed.Count;

            var drafts = await WithDetails()
                .Where(a => a.MunicipalityId == municipalityId && a.Status == ApplicationStatus.Draft && a.UpdatedAtUtc < cutoff)
                .ToListAsync(ct);
            foreach (var draft in drafts)
                stale.AddRange(draft.Documents);
            db.Applications.RemoveRange(drafts);
            draftsDeleted += drafts.Count;

            // The rows go first: a file without a row is harmless, a row pointing at a deleted file is not.
            await db.SaveChangesAsync(ct);
            foreach (var document in stale)
            {
                try
                {
                    files.Delete(document.StorageKey);
                    filesDeleted++;
                }
                catch (IOException e)
                {
                    logger.LogWarning(e, "Retention: could not delete document file {StorageKey}", document.StorageKey);
                }
            }
        }
        logger.LogInformation("Retention: {Anonymised} application(s) anonymised, {Drafts} old draft(s) deleted, {Files} file(s) deleted", anonymised, draftsDeleted, filesDeleted);
        return new RetentionReport(anonymised, draftsDeleted, filesDeleted);
    }

    private IQueryable<Application> WithDetails() =>
        db.Applications.Include(a => a.History).Include(a => a.Documents).Include(a => a.InformationRequests).AsSplitQuery();
}

internal sealed record RetentionReport(int Anonymised, int DraftsDeleted, int FilesDeleted);
