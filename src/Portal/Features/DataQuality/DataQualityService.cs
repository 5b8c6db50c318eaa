using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audits.DataQuality;
using Portal.Features.Accounts;
using Portal.Integration.Csv;
using Portal.Integration.Persistence;

namespace Portal.Features.DataQuality;

/// <summary>One operator's KPIs for a month: stored (once the month's snapshot exists) or computed now.</summary>
internal sealed record OperatorQualityRow(Guid OperatorId, string Name, DataQualityFigures Figures, DateTime? StoredAtUtc);

/// <summary>The detail page: the figures (the stored ones when the month has a snapshot), the offending EVSEs and the operator's OCPI connections.</summary>
internal sealed record DataQualityReport(Guid OperatorId, string OperatorName, DataQualityPeriod Period, DataQualityFigures Figures, DateTime? StoredAtUtc,
    IReadOnlyList<EvseQualityRow> Offending, IReadOnlyList<Guid> ConnectionIds);

/// <summary>
/// The data-quality pages and CSV: officers and administrators see every operator (a CPO's feed serves all municipalities
/// alike), a CPO user only their own operator; anyone else gets <see cref="UnauthorizedAccessException"/>, and a CPO user
/// asking for another operator gets null (a 404), as for an operator that does not exist.
/// </summary>
internal sealed class DataQualityService(PortalDbContext db, TenantAccess tenants, DataQualityCalculator calculator, TimeProvider clock)
{
    public const string Roles = PortalRoles.Officer + "," + PortalRoles.CpoUser + "," + PortalRoles.Admin;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The role a person's calls on the pages are checked against: officer, then CPO user, then administrator.</summary>
    public static string RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Officer) ? PortalRoles.Officer : user.IsInRole(PortalRoles.CpoUser) ? PortalRoles.CpoUser : PortalRoles.Admin;

    /// <summary>"2026-02" as a month; the last full month when absent or unreadable.</summary>
    public DataQualityPeriod PeriodOf(string? month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is > 2000 and < 3000
            ? DataQualityPeriod.Month(day.Year, day.Month)
            : DataQualityPeriod.LastFullMonth(Now);

    public async Task<IReadOnlyList<OperatorQualityRow>> ListAsync(ClaimsPrincipal user, DataQualityPeriod period, CancellationToken ct = default)
    {
        var operators = await VisibleOperatorsAsync(user, ct);
        var stored = await db.DataQualitySnapshots.AsNoTracking().Where(s => s.Month == period.FirstDay).ToListAsync(ct);
        var rows = new List<OperatorQualityRow>();
        foreach (var (id, name) in operators)
        {
            if (stored.FirstOrDefault(s => s.OperatorId == id) is { } snapshot)
                rows.Add(new OperatorQualityRow(id, name, snapshot.Figures, snapshot.ComputedAtUtc));
            else
                rows.Add(new OperatorQualityRow(id, name, (await calculator.ComputeAsync(id, period, Now, ct)).Figures, null));
        }
        return rows;
    }

    public async Task<DataQualityReport?> ReportAsync(ClaimsPrincipal user, Guid operatorId, DataQualityPeriod period, CancellationToken ct = default)
    {
        var operators = await VisibleOperatorsAsync(user, ct);
        if (operators.FirstOrDefault(o => o.Id == operatorId) is not { Name: { } name })
            return null;
        var computed = await calculator.ComputeAsync(operatorId, period, Now, ct);
        var snapshot = await db.DataQualitySnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.OperatorId == operatorId && s.Month == period.FirstDay, ct);
        var party = await db.Operators.AsNoTracking().Where(o => o.Id == operatorId).Select(o => o.PartyId).SingleAsync(ct);
        var connections = party is { } p
            ? await db.OcpiConnections.AsNoTracking().Where(c => c.CountryCode == p.CountryCode && c.PartyId == p.PartyId).Select(c => c.Id).ToListAsync(ct)
            : [];
        return new DataQualityReport(operatorId, name, period, snapshot?.Figures ?? computed.Figures, snapshot?.ComputedAtUtc,
            [.. computed.Evses.Where(e => e.Offends)], connections);
    }

    /// <summary>The offending EVSEs as CSV (semicolons, as Dutch spreadsheets expect), one row per EVSE with every KPI.</summary>
    public static byte[] Csv(DataQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        CsvWriting.Line(csv, ["location", "evse_uid", "evse_id", "address", "events", "timely_events", "latency_seconds", "stale", "last_sign_utc",
            "silent_since_utc", "charging_without_session", "sessions_without_charging", "days_over_1440", "future_events", "duplicate_events"], ';');
        foreach (var e in report.Offending)
        {
            var q = e.Quality;
            CsvWriting.Line(csv, [e.LocationSourceId, e.EvseUid, e.EvseId ?? "", e.Address, Int(q.Events), Int(q.TimelyEvents), Int(e.LatencySeconds),
                e.Stale ? "yes" : "no", Moment(e.LastSignUtc), Moment(q.SilentSinceUtc), Int(q.ChargingWithoutSession), Int(q.SessionsWithoutCharging),
                Int(q.OverloadedDays), Int(q.FutureEvents), Int(q.DuplicateEvents)], ';');
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Moment(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    private async Task<List<(Guid Id, string Name)>> VisibleOperatorsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(PortalRoles.Officer) || user.IsInRole(PortalRoles.Admin))
            return (await db.Operators.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        if (user.IsInRole(PortalRoles.CpoUser))
        {
            var own = await tenants.OperatorOfAsync(user, ct);
            return (await db.Operators.AsNoTracking().Where(o => o.Id == own).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        }
        throw new UnauthorizedAccessException("Data quality is for officers, administrators and CPO users.");
    }
}
