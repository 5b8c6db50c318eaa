using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Spots;
using Portal.Features.Accounts;
using Portal.Features.Assessment;
using Portal.Integration.Persistence;

namespace Portal.Features.Officers;

/// <summary>
/// The officer's overview of each municipality they work for: applications (open, overdue, per
/// status, decisions per month), charge points (locations, EVSEs per status, operators) and spots.
/// The municipalities come from the signed-in officer, never from the request.
/// </summary>
internal sealed class OfficerDashboardQueries(PortalDbContext db, TenantAccess tenants, QueueQueries queue, TimeProvider clock)
{
    /// <summary>How many calendar months the decisions chart covers, the current one included.</summary>
    public const int DecisionMonths = 12;

    public async Task<IReadOnlyList<MunicipalityOverview>> OverviewAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var municipalityIds = await tenants.MunicipalitiesOfAsync(officer, ct);
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => municipalityIds.Contains(m.Id))
            .OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name, m.Code })
            .ToListAsync(ct);
        var summaries = await queue.SummaryAsync(municipalityIds, ct);
        var months = Months(clock.GetUtcNow().UtcDateTime);

        var result = new List<MunicipalityOverview>();
        foreach (var m in municipalities)
        {
            var locations = db.ChargeLocations.AsNoTracking().Where(l => l.MunicipalityId == m.Id);
            var byStatus = await locations.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var locationsPerOperator = await locations.GroupBy(l => l.OperatorName)
                .Select(g => new { Operator = g.Key, Count = g.Count() })
                .ToListAsync(ct);
            var evsesPerOperator = await db.Evses.AsNoTracking()
                .Where(e => e.Status != EvseStatus.Removed)
                .Join(locations, e => e.LocationId, l => l.Id, (e, l) => l.OperatorName)
                .GroupBy(name => name)
                .Select(g => new { Operator = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Operator, x => x.Count, ct);
            var byOperator = locationsPerOperator
                .Select(o => new OperatorShare(o.Operator, o.Count, evsesPerOperator.GetValueOrDefault(o.Operator)))
                .OrderByDescending(o => o.Locations).ThenBy(o => o.Operator, StringComparer.CurrentCulture)
                .ToList();
            var evseStatus = await db.Evses.AsNoTracking()
                .Where(e => locations.Select(l => l.Id).Contains(e.LocationId) && e.Status != EvseStatus.Removed)
                .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var lastUpdate = await locations.MaxAsync(l => l.LastUpdatedUtc, ct);
            var spots = await db.Spots.AsNoTracking().Where(s => s.MunicipalityId == m.Id)
                .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var applications = db.Applications.AsNoTracking().Where(a => a.MunicipalityId == m.Id && a.Status != ApplicationStatus.Draft);
            var applicationsByStatus = await applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var decisions = await DecisionsPerMonthAsync(applications, months, ct);
            result.Add(new MunicipalityOverview(
                m.Id, m.Name, m.Code.Value, summaries.GetValueOrDefault(m.Id) ?? new QueueSummary(0, 0),
                applicationsByStatus, decisions, byStatus, evseStatus, byOperator, lastUpdate, spots));
        }
        return result;
    }

    /// <summary>
    /// Decisions (approved, referred, rejected) per Dutch calendar month, oldest month first. Only the
    /// closing moments of the window's decisions are read; they are counted per month here, because a
    /// month boundary in Dutch time is not one SQL can group on across both databases.
    /// </summary>
    private static async Task<IReadOnlyList<DecisionMonth>> DecisionsPerMonthAsync(IQueryable<Application> applications, IReadOnlyList<DateOnly> months, CancellationToken ct)
    {
        // A day's margin on the UTC side: the month's first hours in Dutch time are still the previous day in UTC.
        var from = DateTime.SpecifyKind(months[0].ToDateTime(TimeOnly.MinValue).AddDays(-1), DateTimeKind.Utc);
        var closed = await applications
            .Where(a => a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.ReferredToExistingPoint || a.Status == ApplicationStatus.Rejected)
            .Where(a => a.ClosedAtUtc != null && a.ClosedAtUtc >= from)
            .Select(a => new { a.Status, a.ClosedAtUtc })
            .ToListAsync(ct);
        return months.Select(month =>
        {
            var inMonth = closed.Where(c => MonthOf(c.ClosedAtUtc!.Value) == month).ToList();
            return new DecisionMonth(month,
                inMonth.Count(c => c.Status == ApplicationStatus.Approved),
                inMonth.Count(c => c.Status == ApplicationStatus.ReferredToExistingPoint),
                inMonth.Count(c => c.Status == ApplicationStatus.Rejected));
        }).ToList();
    }

    /// <summary>The first days of the last <see cref="DecisionMonths"/> Dutch calendar months, oldest first.</summary>
    public static IReadOnlyList<DateOnly> Months(DateTime nowUtc)
    {
        var current = MonthOf(nowUtc);
        return Enumerable.Range(0, DecisionMonths).Select(i => current.AddMonths(i - DecisionMonths + 1)).ToList();
    }

    private static DateOnly MonthOf(DateTime utc)
    {
        var local = DutchCalendar.LocalTime(utc);
        return new DateOnly(local.Year, local.Month, 1);
    }
}

internal sealed record MunicipalityOverview(
    Guid Id,
    string Name,
    string Code,
    QueueSummary Queue,
    IReadOnlyDictionary<ApplicationStatus, int> ApplicationsByStatus,
    IReadOnlyList<DecisionMonth> DecisionsPerMonth,
    IReadOnlyDictionary<LocationStatus, int> LocationsByStatus,
    IReadOnlyDictionary<EvseStatus, int> EvsesByStatus,
    IReadOnlyList<OperatorShare> Operators,
    DateTime? LastUpdateUtc,
    IReadOnlyDictionary<SpotStatus, int> SpotsByStatus)
{
    public int Locations => LocationsByStatus.Values.Sum();
    public int Evses => EvsesByStatus.Values.Sum();
    public int OutOfService => EvsesByStatus.GetValueOrDefault(EvseStatus.OutOfOrder) + EvsesByStatus.GetValueOrDefault(EvseStatus.Inoperative);
}

/// <summary>The decisions of one Dutch calendar month (<see cref="Month"/> is its first day).</summary>
internal sealed record DecisionMonth(DateOnly Month, int Approved, int Referred, int Rejected)
{
    public int Total => Approved + Referred + Rejected;
}

internal sealed record OperatorShare(string Operator, int Locations, int Evses);
