using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Geography;
using Portal.Integration.Persistence;

namespace Portal.Features.Map;

/// <summary>
/// The officers' map layer of applications: open ones, open ones that form a group with other
/// applications nearby, and those referred to an existing charge point (the seed guide asks to
/// show those, so a new point is not placed next to a point that already serves them). Only the
/// reference goes to the map; nothing that identifies the resident.
/// </summary>
internal static class ApplicationLayer
{
    public const string Open = "open";
    public const string Grouped = "grouped";
    public const string Referred = "referred";

    public static async Task<List<(MapItem Item, Coordinate Position)>> LoadAsync(PortalDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId)
            .Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InAssessment
                || a.Status == ApplicationStatus.WaitingForInformation || a.Status == ApplicationStatus.ReferredToExistingPoint)
            .Select(a => new { a.Id, a.Reference, a.Status, a.Findings, a.Latitude, a.Longitude, a.RdX, a.RdY })
            .ToListAsync(ct);
        return rows.Select(r => (
            new MapItem(r.Id, r.Reference, KindOf(r.Status, r.Findings), null, null),
            Coordinate.FromStored(r.Latitude, r.Longitude, r.RdX, r.RdY))).ToList();
    }

    public static string KindOf(ApplicationStatus status, IReadOnlyList<PreAssessmentFinding> findings) =>
        status == ApplicationStatus.ReferredToExistingPoint ? Referred
        : findings.Any(f => f.Code == PreAssessmentFindingCode.OpenApplicationsNearby) ? Grouped
        : Open;
}
