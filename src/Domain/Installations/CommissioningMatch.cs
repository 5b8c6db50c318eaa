using Portal.Domain.ChargePoints;
using Portal.Domain.Geography;

namespace Portal.Domain.Installations;

/// <summary>An OCPI location as the match rule sees it: whose it is, where, and its EVSEs' statuses.</summary>
public sealed record CommissioningCandidate(string LocationSourceId, Guid? OperatorId, Coordinate Position, IReadOnlyList<CandidateEvse> Evses);

public sealed record CandidateEvse(string Uid, EvseStatus Status);

/// <summary>A location the portal proposes as the charge point of a case, with its distance and the EVSEs that are ready to charge.</summary>
public sealed record ProposedCommissioning(CommissioningCandidate Location, double DistanceMetres, IReadOnlyList<string> ReadyEvseUids);

/// <summary>
/// Commissioning is proven by the data: a location of the case's CPO within <see cref="DefaultMaxDistanceMetres"/>
/// (configurable) of the spot, with at least one EVSE in a status that means it can charge now (available,
/// charging, reserved, or blocked by a parked car). Planned, removed, out-of-order, inoperative and unknown
/// EVSEs do not count. The nearest comes first; an officer or the CPO confirms one.
/// </summary>
public static class CommissioningMatch
{
    public const double DefaultMaxDistanceMetres = 25;

    public static bool IsReadyToCharge(EvseStatus status) =>
        status is EvseStatus.Available or EvseStatus.Charging or EvseStatus.Reserved or EvseStatus.Blocked;

    public static IReadOnlyList<ProposedCommissioning> Propose(Coordinate spot, Guid operatorId, IEnumerable<CommissioningCandidate> candidates, double maxDistanceMetres = DefaultMaxDistanceMetres)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDistanceMetres);
        return [.. candidates
            .Where(c => c.OperatorId == operatorId)
            .Select(c => new ProposedCommissioning(c, spot.DistanceTo(c.Position), [.. c.Evses.Where(e => IsReadyToCharge(e.Status)).Select(e => e.Uid)]))
            .Where(p => p.DistanceMetres <= maxDistanceMetres && p.ReadyEvseUids.Count > 0)
            .OrderBy(p => p.DistanceMetres)
            .ThenBy(p => p.Location.LocationSourceId, StringComparer.Ordinal)];
    }
}
