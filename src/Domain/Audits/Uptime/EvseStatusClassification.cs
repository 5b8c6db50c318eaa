using Portal.Domain.ChargePoints;

namespace Portal.Domain.Audits.Uptime;

/// <summary>State classification (section 4) of one observed status inside the contract's scope.</summary>
public static class EvseStatusClassification
{
    /// <summary>R2: UP for AVAILABLE, CHARGING, RESERVED and BLOCKED; INOPERATIVE is DOWN unless a sibling occupies the outlet (decided by the caller).</summary>
    public static bool IsUp(this EvseStatus status) =>
        status is EvseStatus.Available or EvseStatus.Charging or EvseStatus.Reserved or EvseStatus.Blocked;

    /// <summary>R1: the CP talks to its back office unless UNKNOWN (also an unreadable status) or PLANNED/REMOVED inside the contract's scope (it should be live).</summary>
    public static bool IsConnected(this EvseStatus status) =>
        status is not (EvseStatus.Unknown or EvseStatus.Planned or EvseStatus.Removed);

    /// <summary>A sibling in this status occupies the shared outlet, so an INOPERATIVE EVSE of the group counts as UP.</summary>
    public static bool OccupiesOutlet(this EvseStatus status) => status is EvseStatus.Charging or EvseStatus.Reserved;
}
