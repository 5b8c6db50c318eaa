using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Integration.Contracts.TariffCaps;

/// <summary>A covered EVSE and the key of the charge location it belongs to (for an OCPI location: CC*PARTY*ID, its snapshot's key).</summary>
public sealed record CoveredEvse(EvseRef Evse, string LocationSourceId);

/// <summary>
/// The EVSEs a contract covers (<see cref="ContractCoverage.Resolve"/>): its operator's EVSEs (not removed) in its
/// municipalities, plus its additions, minus its exclusions. A location is known by its OCPI id, or by its id in the
/// source it came from when that has none.
/// </summary>
public static class ContractEvses
{
    public static async Task<IReadOnlyList<CoveredEvse>> CoveredAsync(PortalDbContext db, Contract contract, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        var members = contract.MunicipalityIds.ToList();
        var evses = await (
            from location in db.ChargeLocations.AsNoTracking()
            where location.OperatorId == contract.OperatorId
            from evse in location.Evses
            where evse.Status != EvseStatus.Removed
            select new { location.MunicipalityId, LocationId = location.OcpiLocationId ?? location.SourceId, location.SourceId, evse.Uid }).ToListAsync(ct);
        var sourceOf = new Dictionary<EvseRef, string>();
        foreach (var e in evses)
            sourceOf.TryAdd(new EvseRef(e.LocationId, e.Uid), e.SourceId);
        var inMunicipalities = evses.Where(e => members.Contains(e.MunicipalityId)).Select(e => new EvseRef(e.LocationId, e.Uid));
        var covered = ContractCoverage.Resolve(inMunicipalities, sourceOf.Keys, contract.CoverageRules);
        // An EVSE added by hand that no feed has shown has no location to read a tariff from.
        return covered.Where(sourceOf.ContainsKey).Select(e => new CoveredEvse(e, sourceOf[e])).ToList();
    }
}
