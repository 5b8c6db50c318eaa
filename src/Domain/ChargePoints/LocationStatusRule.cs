namespace Portal.Domain.ChargePoints;

/// <summary>
/// Summarises the statuses of a location's EVSEs: available when any EVSE can be used now,
/// occupied when none is free but at least one is charging or reserved, unavailable when
/// every EVSE is out of service. Removed EVSEs no longer count; planned ones are not yet in
/// service, and an EVSE whose status the operator does not know gives no verdict.
/// </summary>
public static class LocationStatusRule
{
    public static LocationStatus Summarise(IEnumerable<EvseStatus> evseStatuses)
    {
        var counted = evseStatuses.Where(s => s is not EvseStatus.Removed).ToList();
        if (counted.Count == 0)
            return LocationStatus.Unknown;
        if (counted.Contains(EvseStatus.Available))
            return LocationStatus.Available;
        if (counted.Any(s => s is EvseStatus.Charging or EvseStatus.Reserved or EvseStatus.Blocked))
            return LocationStatus.Occupied;
        if (counted.All(s => s is EvseStatus.Unknown))
            return LocationStatus.Unknown;
        return LocationStatus.Unavailable;
    }
}
