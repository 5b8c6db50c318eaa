using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Contracts;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Installations;

/// <summary>
/// When a relocation places the charge point on its new spot, or a removal takes it away, the old spot has no
/// charge point any more: it is retired, and the EVSEs confirmed there by the case that commissioned it are
/// decommissioned on that day in every contract that records them (their uptime stops counting). Runs in the
/// save of the step; nothing happens for a new charge point, or when the step is only corrected.
/// </summary>
internal sealed class ChargePointLeavesSpot(PortalDbContext db, IStringLocalizer<Texts> T)
{
    public async Task FollowAsync(InstallationCase installation, InstallationActor actor, DateTime nowUtc, CancellationToken ct)
    {
        var oldSpotId = installation.Kind switch
        {
            InstallationCaseKind.Relocation => installation.RelocatedFromSpotId,
            InstallationCaseKind.Removal => installation.SpotId,
            _ => null,
        };
        if (oldSpotId is not { } spotId || installation[InstallationSteps.ChargePointMoves].DoneOn is not { } leftOn)
            return;
        var spot = await db.Spots.Include(s => s.History).SingleAsync(s => s.Id == spotId, ct);
        if (spot.Status != SpotStatus.Realised)
            return;
        spot.ChangeStatus(SpotStatus.Retired, new SpotActor(actor.UserId, actor.Name), nowUtc, T["Installations.ChargePointLeft", installation.Reference]);

        var commissioned = await db.InstallationCases.AsNoTracking()
            .Where(c => c.SpotId == spotId && c.Id != installation.Id && c.CommissionedLocationSourceId != null)
            .OrderByDescending(c => c.UpdatedAtUtc)
            .Select(c => new { c.CommissionedLocationSourceId, c.CommissionedEvseUids })
            .FirstOrDefaultAsync(ct);
        if (commissioned is null)
            return;
        var location = commissioned.CommissionedLocationSourceId!;
        var contracts = await db.Contracts.Include(c => c.EvseRecords)
            .Where(c => c.EvseRecords.Any(r => r.LocationId == location))
            .ToListAsync(ct);
        var by = new ContractActor(actor.UserId, actor.Name);
        foreach (var contract in contracts)
        {
            foreach (var record in contract.EvseRecords.Where(r => r.LocationId == location && commissioned.CommissionedEvseUids.Contains(r.EvseUid) && r.DecommissionedOn is null).ToList())
            {
                // An EVSE that went live on the very day it left has no day in scope; it keeps its go-live only.
                if (record.GoLiveOn is { } live && leftOn <= live)
                    continue;
                contract.SetEvseRecord(record.Evse, record.GoLiveOn, leftOn, record.SimultaneityGroup, by, nowUtc);
            }
        }
    }
}
