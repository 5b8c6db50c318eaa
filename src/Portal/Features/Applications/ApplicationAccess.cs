using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Features.Accounts;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Applications;

/// <summary>
/// Who may see an application: the resident who made it, and officers of its municipality.
/// Anyone else gets "not found", so guessing ids reveals nothing.
/// </summary>
internal sealed class ApplicationAccess(PortalDbContext db, TenantAccess tenants, UserManager<PortalUser> users)
{
    /// <summary>The signed-in resident's own application, tracked, with history, documents and information requests.</summary>
    public async Task<Application?> ForResidentAsync(ClaimsPrincipal resident, Guid id, CancellationToken ct = default)
    {
        if (!resident.IsInRole(PortalRoles.Resident) || users.GetUserId(resident) is not { } userId)
            return null;
        return await WithDetails().SingleOrDefaultAsync(a => a.Id == id && a.ApplicantUserId == userId, ct);
    }

    /// <summary>An application of one of the officer's municipalities (drafts are the resident's own business), tracked, with details.</summary>
    public async Task<Application?> ForOfficerAsync(ClaimsPrincipal officer, Guid id, CancellationToken ct = default)
    {
        var municipalities = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await WithDetails().SingleOrDefaultAsync(
            a => a.Id == id && municipalities.Contains(a.MunicipalityId) && a.Status != ApplicationStatus.Draft, ct);
    }

    /// <summary>Either of the above: for documents, which both the applicant and the officers may open.</summary>
    public async Task<Application?> ForResidentOrOfficerAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default) =>
        await ForResidentAsync(user, id, ct) ?? await ForOfficerAsync(user, id, ct);

    private IQueryable<Application> WithDetails() =>
        db.Applications.Include(a => a.History).Include(a => a.Documents).Include(a => a.InformationRequests).AsSplitQuery();
}
