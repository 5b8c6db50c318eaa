using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Features.Map;
using Portal.Integration.Persistence;

namespace Portal.Features.Applications;

/// <summary>
/// Gathers what the pre-assessment reads (nearby public and planned charge points, the
/// municipality's other open applications nearby, its permit zones) and runs it under the
/// municipality's policy.
/// </summary>
internal sealed class ApplyPreAssessment(PortalDbContext db, MapIndexCache maps)
{
    /// <summary>Applications are read a little beyond the policy distance, so a point moved a few metres is still grouped.</summary>
    public const double SearchMarginMetres = 50;

    private static readonly ApplicationStatus[] Open =
        [ApplicationStatus.Submitted, ApplicationStatus.InAssessment, ApplicationStatus.WaitingForInformation];

    /// <summary>The public (and planned) charge points nearest to the point; usage is not known yet for any of them.</summary>
    public async Task<IReadOnlyList<NearbyChargePoint>> NearbyChargePointsAsync(Domain.Geography.Coordinate point)
    {
        var index = await maps.ChargePointsAsync();
        return index.Nearby.Nearest(point, EligibilityPolicy.NearestToShow)
            .Select(n => new NearbyChargePoint(n.Item.Id, n.Item.Label, n.DistanceMetres, n.Item.Availability ?? LocationStatus.Unknown, n.Item.EvseCount ?? 0, OccupancyPercent: null))
            .ToList();
    }

    public async Task<PreAssessmentResult> RunAsync(Application application, ApplicationPolicy policy, CancellationToken ct = default)
    {
        var point = application.Point;
        var chargePoints = await NearbyChargePointsAsync(point);

        var radius = policy.Eligibility.PolicyDistanceMetres + SearchMarginMetres;
        var (minX, maxX, minY, maxY) = (point.X - radius, point.X + radius, point.Y - radius, point.Y + radius);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.MunicipalityId == application.MunicipalityId && a.Id != application.Id && Open.Contains(a.Status))
            .Where(a => a.RdX >= minX && a.RdX <= maxX && a.RdY >= minY && a.RdY <= maxY)
            .Select(a => new { a.Id, a.Reference, a.Latitude, a.Longitude, a.RdX, a.RdY, a.Postcode, a.HouseNumber, a.HouseNumberAddition })
            .ToListAsync(ct);
        var others = new List<OpenApplication>();
        foreach (var row in rows)
        {
            try
            {
                var address = ApplicationAddress.Create(row.Postcode, row.HouseNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture), row.HouseNumberAddition);
                others.Add(new OpenApplication(row.Id, row.Reference, Domain.Geography.Coordinate.FromStored(row.Latitude, row.Longitude, row.RdX, row.RdY), address));
            }
            catch (DomainRuleViolated)
            {
                // An open application always has a full address; a row without one cannot be a duplicate.
            }
        }

        var input = new PreAssessmentInput(application.Id, point, application.Address, application.Declarations, chargePoints, others, policy.PermitZones);
        return PreAssessment.Run(input, policy.Eligibility);
    }
}
