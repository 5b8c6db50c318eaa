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
    /// <summary>The covered EVSEs with the feed location each was read from (an EVSE added by hand that no feed has shown has none, and is left out).</summary>
    public static async Task<IReadOnlyList<CoveredEvse>> CoveredAsync(PortalDbContext db, Contract contract, CancellationToken ct = default)
    {
        var set = await ResolveAsync(db, contract, ct);
        // An EVSE added by hand that no feed has shown has no location to read a tariff from.
        return set.Covered.Where(set.SourceOf.ContainsKey).Select(e => new CoveredEvse(e, set.SourceOf[e])).ToList();
    }

    /// <summary>The operator's EVSEs in the contract's municipalities, what the contract covers, and the feed location of every EVSE of the operator.</summary>
    public static async Task<ContractEvseSet> ResolveAsync(PortalDbContext db, Contract contract, CancellationToken ct = default)
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
        var inMunicipalities = evses.Where(e => members.Contains(e.MunicipalityId)).Select(e => new EvseRef(e.LocationId, e.Uid)).ToList();
        return new ContractEvseSet(inMunicipalities, ContractCoverage.Resolve(inMunicipalities, sourceOf.Keys, contract.CoverageRules), sourceOf);
    }
}

/// <summary>What <see cref="ContractEvses.ResolveAsync"/> found: the EVSEs in the municipalities, those covered, and the feed location of each EVSE the operator has.</summary>
public sealed record ContractEvseSet(IReadOnlyList<EvseRef> InMunicipalities, IReadOnlyList<EvseRef> Covered, IReadOnlyDictionary<EvseRef, string> SourceOf);
