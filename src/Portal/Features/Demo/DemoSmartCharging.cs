using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits.SmartCharging;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Features.Demo;

/// <summary>
/// Demo mode: one completed smart-charging test of the demo contract, a week ago in the evening peak, over six of the
/// demo operator's EVSEs: two kept to the 4 kW cap, one is not capable, one accepted but charged at 7.2 kW, one posted
/// no result and one's session had ended. It failed (SC-4 and the power cap) and left its finding. Seeds once.
/// </summary>
internal sealed class DemoSmartCharging(PortalDbContext db, TimeProvider clock, ILogger<DemoSmartCharging> logger)
{
    public const ulong Seed = 20251118;

    private static readonly EvseObservation[] Observations =
    [
        new(true, "ACCEPTED", "ACCEPTED", 1800, 3.9m, null),
        new(true, "ACCEPTED", "ACCEPTED", 2400, 4.1m, null),
        new(false, "NOT_SUPPORTED", null, null, null, null),
        new(true, "ACCEPTED", "ACCEPTED", 6100, 7.2m, null),
        new(true, "ACCEPTED", null, null, null, null),
        new(true, "UNKNOWN_SESSION", null, null, null, null),
    ];

    public async Task SeedAsync(Guid? contractId, CancellationToken ct = default)
    {
        if (contractId is not { } id || await db.SmartChargingTestRuns.AnyAsync(r => r.ContractId == id, ct))
            return;
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Versions).ThenInclude(v => v.Requirements).AsSplitQuery().SingleAsync(c => c.Id == id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var started = DutchCalendar.Utc(DutchCalendar.Day(now).AddDays(-7), new TimeOnly(17, 30));
        if (contract.VersionInForceOn(DutchCalendar.Day(started)) is not { } version || version.Terms.SmartCharging is not { Required: true, PowerCapKw: > 0 })
            return;
        var evses = await (
            from location in db.ChargeLocations.AsNoTracking()
            where location.OperatorId == contract.OperatorId && location.OcpiLocationId != null
            from evse in location.Evses
            where evse.Status != EvseStatus.Removed
            orderby location.OcpiLocationId, evse.Uid
            select new EvseRef(location.OcpiLocationId!, evse.Uid)).Take(Observations.Length).ToListAsync(ct);
        if (evses.Count < Observations.Length)
            return;

        var profile = SmartChargingTestProfile.For(version.Terms.SmartCharging, 900, contract.Reference, DutchCalendar.Day(started));
        var sample = evses.Select((e, i) => new SampledSession(i + 1, e, $"DEMO-S{i + 1:D3}")).ToList();
        var capable = evses.Where((_, i) => Observations[i].Capable).ToHashSet();
        var setup = new SmartChargingRunSetup(contract.Id, contract.OperatorId, Guid.Empty, Seed, 10, evses.Count, profile, ChargingPeriodPower.DefaultTolerancePercent, 24, 19);
        var run = SmartChargingTestRun.Start(setup, sample, capable, "Olaf Ambtenaar", started, TimeSpan.FromHours(4));
        for (var i = 0; i < Observations.Length; i++)
        {
            var o = Observations[i];
            run.Evse(i + 1).Observe(o.SyncAnswer, o.AsyncResult, o.LatencyMilliseconds, o.MeasuredMaxKw, run.LimitKw, run.TolerancePercent);
        }
        var finding = run.Complete(version.Requirements.Select(r => (r.SetId, r.Code)), DutchCalendar.Day(started.AddHours(4)), started.AddHours(4));
        db.SmartChargingTestRuns.Add(run);
        if (finding is not null)
            db.Add(finding);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo: smart-charging test of {Contract}, {Verdict}", contract.Reference, run.Verdict);
    }
}
