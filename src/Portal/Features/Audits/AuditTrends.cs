using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits.Runs;
using Portal.Domain.Audits.Usage;
using Portal.Domain.Common;
using Portal.Integration.Persistence;

namespace Portal.Features.Audits;

/// <summary>Availability over the last twelve full months, per CPO and per district (PC4), with the months it covers.</summary>
public sealed record AuditTrendView(IReadOnlyList<DateOnly> Months, IReadOnlyList<AvailabilityTrendPoint> PerCpo, IReadOnlyList<AvailabilityTrendPoint> PerDistrict);

/// <summary>
/// Availability over time from the monthly runs the user may read (the signed or provisional version of each contract and
/// month, never a superseded one): per CPO, and per district by the PC4 of each EVSE's location as the usage reports use
/// it. An EVSE whose location has no usable postcode counts for its CPO only.
/// </summary>
internal sealed class AuditTrends(AuditRunService runs, PortalDbContext db, TimeProvider clock)
{
    public const int MonthsShown = 12;

    public async Task<AuditTrendView> ReadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var months = Enumerable.Range(1, MonthsShown).Select(i => thisMonth.AddMonths(i - 1 - MonthsShown)).ToList();
        var rows = (await runs.ListAsync(user, null, ct))
            .Where(r => r.Kind == AuditRunKind.Monthly && r.Status != AuditRunStatus.Superseded && r.PeriodStart >= months[0] && r.PeriodStart < thisMonth)
            .ToList();
        if (rows.Count == 0)
            return new AuditTrendView(months, [], []);

        var ids = rows.Select(r => r.Id).ToList();
        var stored = await db.AuditRuns.AsNoTracking().Include(r => r.Evses).Where(r => ids.Contains(r.Id)).AsSplitQuery().ToListAsync(ct);
        var operatorName = rows.ToDictionary(r => r.Id, r => r.OperatorName);
        var districts = await DistrictsAsync(stored, ct);

        var evses = stored.SelectMany(run => run.Evses.Select(e => (Run: run, Evse: e))).ToList();
        var perCpo = AvailabilityTrend.Of(evses.Select(x => (operatorName[x.Run.Id], x.Run.PeriodStart, x.Evse.Figures(x.Run))));
        var perDistrict = AvailabilityTrend.Of(evses
            .Where(x => districts.ContainsKey((x.Run.OperatorId, x.Evse.LocationId)))
            .Select(x => (districts[(x.Run.OperatorId, x.Evse.LocationId)], x.Run.PeriodStart, x.Evse.Figures(x.Run))));
        return new AuditTrendView(months, perCpo, perDistrict);
    }

    /// <summary>The PC4 of each (operator, location id) the runs name; the location id is the OCPI id, or the source id when it has none.</summary>
    private async Task<Dictionary<(Guid Operator, string Location), string>> DistrictsAsync(IReadOnlyList<AuditRun> stored, CancellationToken ct)
    {
        var operators = stored.Select(r => r.OperatorId).Distinct().ToList();
        var locationIds = stored.SelectMany(r => r.Evses.Select(e => e.LocationId)).Distinct().ToList();
        var locations = await db.ChargeLocations.AsNoTracking()
            .Where(l => l.OperatorId != null && operators.Contains(l.OperatorId.Value) && locationIds.Contains(l.OcpiLocationId ?? l.SourceId))
            .Select(l => new { OperatorId = l.OperatorId!.Value, Location = l.OcpiLocationId ?? l.SourceId, l.PostalCode })
            .ToListAsync(ct);
        var districts = new Dictionary<(Guid, string), string>();
        foreach (var l in locations)
        {
            if (UsageDistrict.Of(l.PostalCode) is { } district)
                districts.TryAdd((l.OperatorId, l.Location), district);
        }
        return districts;
    }
}
