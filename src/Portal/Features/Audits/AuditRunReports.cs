using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits;
using Portal.Domain.Audits.Runs;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Common;
using Portal.Integration.Audits.Reports;
using Portal.Integration.Persistence;

namespace Portal.Features.Audits;

/// <summary>
/// A stored audit run as an <see cref="AuditReport"/> for its PDF and CSV files: the figures exactly as the run stored
/// them (never recomputed), the contract's municipality and lot, and each approved claim's category and reason beside the
/// outages it excluded. Whoever may not read the run gets null.
/// </summary>
internal sealed class AuditRunReports(AuditRunService runs, PortalDbContext db)
{
    public async Task<AuditReport?> BuildAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (await runs.FindAsync(user, id, ct) is not { } view)
            return null;
        var run = view.Run;
        var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == run.ContractId)
            .Select(c => new { c.LotName, c.LeadMunicipalityId }).SingleAsync(ct);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == contract.LeadMunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var claims = await ClaimsAsync(run, ct);

        var header = new AuditReportHeader
        {
            Municipality = municipality,
            ContractReference = view.ContractReference,
            Lot = contract.LotName,
            CpoName = view.OperatorName,
            Kind = run.Kind switch
            {
                AuditRunKind.Monthly => AuditReportKind.Monthly,
                AuditRunKind.Annual => AuditReportKind.Annual,
                _ => AuditReportKind.Rolling12,
            },
            PeriodStart = DutchCalendar.Utc(run.PeriodStart, TimeOnly.MinValue),
            PeriodEnd = DutchCalendar.Utc(run.PeriodEnd, TimeOnly.MinValue),
            TimeZoneId = UptimeInputReader.DefaultTimeZone,
            Version = run.Version,
            Status = run.Status == AuditRunStatus.Provisional ? AuditReportStatus.Provisional : AuditReportStatus.Signed,
            SignedBy = run.SignedByName,
            SignedAt = run.SignedAtUtc is { } signed ? new DateTimeOffset(signed, TimeSpan.Zero) : null,
            MetricVersion = run.MetricVersion,
            AvailabilityThreshold = run.AvailabilityThresholdPercent / 100m,
            ConnectivityThreshold = run.ConnectivityThresholdPercent / 100m,
            ComputedAt = new DateTimeOffset(run.ComputedAtUtc, TimeSpan.Zero),
        };
        var evses = run.Evses.ToDictionary(e => e.EvseKey, Evse, StringComparer.Ordinal);
        var rows = run.Evses.Select(e => new AuditEvseRow(evses[e.EvseKey], new UptimeSeconds(e.S, e.S24, e.U, e.U24, e.D, e.X, e.Dc, e.Xc),
            e.Availability, e.Connectivity, e.NeviUptime, e.Coverage, e.AvailabilityVerdict, e.ConnectivityVerdict, e.OutageCount));
        var outages = run.Outages.Select(o => new AuditOutageRow(
            evses.TryGetValue(o.EvseKey, out var evse) ? evse : Evse(o.EvseKey, "", ""),
            new DateTimeOffset(o.StartUtc, TimeSpan.Zero),
            new DateTimeOffset(o.EndUtc, TimeSpan.Zero),
            o.CountedSeconds,
            o.ExcludedSeconds,
            [.. ClaimIds(o).Select(claim => claims.TryGetValue(claim, out var c) ? c : new AuditOutageExclusion(claim, "", null))],
            o.StatusPath));
        return AuditReportBuilder.Build(header, run.Fingerprint, rows, outages);
    }

    private static AuditEvse Evse(AuditRunEvse evse) => Evse(evse.EvseKey, evse.LocationId, evse.EvseUid);

    /// <summary>The key's country and party are the first two parts of "CC*PARTY*LOCATION*UID"; location and uid are stored apart, as they may hold '*'.</summary>
    private static AuditEvse Evse(string key, string locationId, string evseUid)
    {
        var parts = key.Split('*', 3);
        return new AuditEvse(new EvseKey(parts[0], parts.Length > 1 ? parts[1] : "", locationId, evseUid));
    }

    private static IEnumerable<string> ClaimIds(AuditRunOutage outage) =>
        outage.Claims?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The approved claims named by the run's outages: their category code and the officer's reason (or the CPO's description).</summary>
    private async Task<IReadOnlyDictionary<string, AuditOutageExclusion>> ClaimsAsync(AuditRun run, CancellationToken ct)
    {
        var ids = run.Outages.SelectMany(ClaimIds).Select(c => Guid.TryParseExact(c, "N", out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
            return new Dictionary<string, AuditOutageExclusion>();
        var claims = await db.ExclusionClaims.AsNoTracking().Where(c => ids.Contains(c.Id) && c.ContractId == run.ContractId)
            .Select(c => new { c.Id, c.Category, c.DecisionReason, c.Description }).ToListAsync(ct);
        return claims.ToDictionary(c => c.Id.ToString("N"), c => new AuditOutageExclusion(c.Id.ToString("N"), c.Category.Code(), c.DecisionReason ?? c.Description), StringComparer.Ordinal);
    }
}
