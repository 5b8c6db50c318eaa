using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Eligibility;
using Portal.Features.Map;
using Portal.Integration.Persistence;

namespace Portal.Features.Applications;

/// <summary>
/// Gathers what the automatic pre-assessment looks at for one application: the public and planned
/// charge points nearest to its point (from the map's in-memory index), the municipality's other
/// open applications near it (the database narrows to an RD bounding box) and the permit zones of
/// the policy. Submitting, the officer's "assess again" and the demo data use it; the assessment
/// itself reads nothing.
/// </summary>
internal sealed class PreAssessmentInputs(PortalDbContext db, EligibilityService eligibility)
{
    /// <summary>Applications are read a little beyond the policy distance, so a point moved a few metres is still grouped.</summary>
    public const double SearchMarginMetres = 50;

    /// <summary>The public (and planned) charge points nearest to the point.</summary>
    public Task<IReadOnlyList<NearbyChargePoint>> NearbyChargePointsAsync(Domain.Geography.Coordinate point) => eligibility.NearestAsync(point);

    /// <summary>Gathers the input and runs the pre-assessment under the municipality's policy.</summary>
    public async Task<PreAssessmentResult> RunAsync(Application application, ApplicationPolicy policy, CancellationToken ct = default) =>
        PreAssessment.Run(await ForAsync(application, policy, ct), policy.Eligibility);

    public async Task<PreAssessmentInput> ForAsync(Application application, ApplicationPolicy policy, CancellationToken ct = default)
    {
        var point = application.Point;
        var chargePoints = await NearbyChargePointsAsync(point);

        // Wide enough for the group (policy distance) and for duplicates (same address, any point).
        var radius = policy.Eligibility.PolicyDistanceMetres + SearchMarginMetres;
        double minX = point.X - radius, maxX = point.X + radius, minY = point.Y - radius, maxY = point.Y + radius;
        var open = await OpenOthers(application)
            .Where(a => (a.RdX >= minX && a.RdX <= maxX && a.RdY >= minY && a.RdY <= maxY)
                || (a.Postcode == application.Postcode && a.HouseNumber == application.HouseNumber))
            .Select(a => new { a.Id, a.Reference, a.Latitude, a.Longitude, a.RdX, a.RdY, a.Postcode, a.HouseNumber, a.HouseNumberAddition })
            .ToListAsync(ct);
        var others = open
            .Where(a => a.HouseNumber is not null)
            .Select(a => new OpenApplication(a.Id, a.Reference, Domain.Geography.Coordinate.FromStored(a.Latitude, a.Longitude, a.RdX, a.RdY),
                ApplicationAddress.Create(a.Postcode, a.HouseNumber!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), a.HouseNumberAddition)))
            .ToList();

        return new PreAssessmentInput(application.Id, point, application.Address, application.Declarations, chargePoints, others, policy.PermitZones);
    }

    private IQueryable<Application> OpenOthers(Application application) =>
        db.Applications.AsNoTracking().Where(ApplicationFilters.IsOpen).Where(a => a.MunicipalityId == application.MunicipalityId && a.Id != application.Id);
}
