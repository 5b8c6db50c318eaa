using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Tests.Faults;

namespace Portal.Tests.Findings;

/// <summary>Findings written as the contract checks write them, found on the fake clock's Dutch day.</summary>
internal static class FindingTestData
{
    public static Task<long> TimelinessAsync(FaultsAppFactory app, Guid contractId, DateOnly month) =>
        AddAsync(app, ContractFinding.TimelinessBelowMinimum(contractId, month, 91.5m, 95m, 60, DutchCalendar.Day(app.Now), app.Now));

    /// <summary>A start fee of 2.50 euro above a cap of 1.00 on contract version 1, on the EVSEs given.</summary>
    public static Task<long> TariffAsync(FaultsAppFactory app, Guid contractId, params EvseRef[] evses) =>
        AddAsync(app, ContractFinding.TariffAboveCap(contractId, 1, new TariffSeen("TARIEF-1", Random.Shared.NextInt64(1, long.MaxValue), app.Now, DutchCalendar.Day(app.Now)),
            new TariffCapComparison(TariffComponent.Start, 2.50m, 1.00m, 1.50m), true, evses, DutchCalendar.Day(app.Now), app.Now));

    private static async Task<long> AddAsync(FaultsAppFactory app, ContractFinding finding)
    {
        await app.WriteAsync(db =>
        {
            db.Add(finding);
            return Task.CompletedTask;
        });
        return await app.ReadAsync(db => db.Set<ContractFinding>().Where(f => f.ContractId == finding.ContractId && f.DedupeKey == finding.DedupeKey).Select(f => f.Id).SingleAsync());
    }
}
