namespace Portal.Domain.Audits.Uptime;

/// <summary>The OCPI 2.2.1 EVSE statuses, plus <see cref="Unrecognised"/> for a string OCPI does not define.</summary>
public enum EvseStatus
{
    Available,
    Blocked,
    Charging,
    Inoperative,
    OutOfOrder,
    Planned,
    Removed,
    Reserved,
    Unknown,
    Unrecognised,
}

/// <summary>State classification (section 4) of one observed status inside the contract's scope.</summary>
public static class EvseStatuses
{
    public static EvseStatus Parse(string status) => status?.Trim().ToUpperInvariant() switch
    {
        "AVAILABLE" => EvseStatus.Available,
        "BLOCKED" => EvseStatus.Blocked,
        "CHARGING" => EvseStatus.Charging,
        "INOPERATIVE" => EvseStatus.Inoperative,
        "OUTOFORDER" => EvseStatus.OutOfOrder,
        "PLANNED" => EvseStatus.Planned,
        "REMOVED" => EvseStatus.Removed,
        "RESERVED" => EvseStatus.Reserved,
        "UNKNOWN" => EvseStatus.Unknown,
        _ => EvseStatus.Unrecognised,
    };

    /// <summary>R2: UP for AVAILABLE, CHARGING, RESERVED and BLOCKED; INOPERATIVE is DOWN unless a sibling occupies the outlet (decided by the caller).</summary>
    public static bool IsUp(this EvseStatus status) =>
        status is EvseStatus.Available or EvseStatus.Charging or EvseStatus.Reserved or EvseStatus.Blocked;

    /// <summary>R1: the CP talks to its back office unless UNKNOWN, or PLANNED/REMOVED inside the contract's scope (it should be live), or unreadable.</summary>
    public static bool IsConnected(this EvseStatus status) =>
        status is not (EvseStatus.Unknown or EvseStatus.Planned or EvseStatus.Removed or EvseStatus.Unrecognised);

    /// <summary>A sibling in this status occupies the shared outlet, so an INOPERATIVE EVSE of the group counts as UP.</summary>
    public static bool OccupiesOutlet(this EvseStatus status) => status is EvseStatus.Charging or EvseStatus.Reserved;

    /// <summary>The status as OCPI spells it (the outage register's status path).</summary>
    public static string OcpiName(this EvseStatus status) => status switch
    {
        EvseStatus.Available => "AVAILABLE",
        EvseStatus.Blocked => "BLOCKED",
        EvseStatus.Charging => "CHARGING",
        EvseStatus.Inoperative => "INOPERATIVE",
        EvseStatus.OutOfOrder => "OUTOFORDER",
        EvseStatus.Planned => "PLANNED",
        EvseStatus.Removed => "REMOVED",
        EvseStatus.Reserved => "RESERVED",
        EvseStatus.Unknown => "UNKNOWN",
        EvseStatus.Unrecognised => "UNRECOGNISED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
