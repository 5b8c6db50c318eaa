using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audits.DataQuality;
using Portal.Domain.Common;
using Portal.Domain.Contracts.Evidence;
using Portal.Integration.Persistence;

namespace Portal.Features.DataQuality;

/// <summary>
/// Once a month is over: stores each operator's KPIs for it (<see cref="DataQualitySnapshot"/>, once), and gives every
/// contract in force at the month's end whose covered EVSEs' events were on time less often than
/// <see cref="DataQualityOptions.TimelinessMinPercent"/> a finding (once per contract and month). Run nightly; an operator
/// whose month is already stored is skipped, so a retry or a second run repeats nothing.
/// </summary>
internal sealed class DataQualityMonthClose(PortalDbContext db, DataQualityCalculator calculator, IOptions<DataQualityOptions> options, TimeProvider clock,
    ILogger<DataQualityMonthClose> logger)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = DataQualityPeriod.LastFullMonth(now);
        var done = await db.DataQualitySnapshots.Where(s => s.Month == period.FirstDay).Select(s => s.OperatorId).ToListAsync(ct);
        var operators = await db.Operators.AsNoTracking().Where(o => !done.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var stored = 0;
        foreach (var operatorId in operators)
        {
            var computed = await calculator.ComputeAsync(operatorId, period, now, ct);
            db.DataQualitySnapshots.Add(DataQualitySnapshot.Record(operatorId, period, computed.Figures, now));
            await FindLateContractsAsync(computed, period, now, ct);
            await db.SaveChangesAsync(ct);
            stored++;
        }
        logger.LogInformation("Data quality {Month}: stored for {Operators} operator(s)", period.FirstDay, stored);
        return stored;
    }

    private async Task FindLateContractsAsync(DataQualityComputation computed, DataQualityPeriod period, DateTime now, CancellationToken ct)
    {
        var minimum = options.Value.TimelinessMinPercent;
        var key = ContractFinding.TimelinessKey(period.FirstDay);
        foreach (var contract in computed.Contracts)
        {
            var covered = computed.Evses.Where(e => contract.Covered.Contains(e.Ref(computed.ContractLocationIds[(e.LocationSourceId, e.EvseUid)]))).ToList();
            var share = DataQualityFigures.Empty with { Events = covered.Sum(e => e.Quality.Events), TimelyEvents = covered.Sum(e => e.Quality.TimelyEvents) };
            if (!share.TimelinessBelow(minimum))
                continue;
            if (await db.Set<ContractFinding>().AnyAsync(f => f.ContractId == contract.ContractId && f.DedupeKey == key, ct))
                continue;
            db.Add(ContractFinding.TimelinessBelowMinimum(contract.ContractId, period.FirstDay, share.TimelinessPercent!.Value, minimum, contract.LatencySeconds,
                DutchCalendar.Day(now), now));
        }
    }
}
