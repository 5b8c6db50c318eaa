namespace Portal.Domain.ChargePoints;

/// <summary>The EVSE status values of OCPI 2.2.1.</summary>
public enum EvseStatus
{
    Unknown,
    Available,
    Blocked,
    Charging,
    Inoperative,
    OutOfOrder,
    Planned,
    Removed,
    Reserved,
}
