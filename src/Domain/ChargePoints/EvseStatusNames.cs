namespace Portal.Domain.ChargePoints;

/// <summary>The OCPI 2.2.1 spelling of <see cref="EvseStatus"/>, both ways; OCPI's enum values are exact upper-case strings.</summary>
public static class EvseStatusNames
{
    public static bool TryParse(string? status, out EvseStatus value)
    {
        EvseStatus? parsed = status switch
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
            _ => null,
        };
        value = parsed ?? EvseStatus.Unknown;
        return parsed is not null;
    }

    /// <summary>The status, or <see cref="EvseStatus.Unknown"/> for a value OCPI does not define.</summary>
    public static EvseStatus Parse(string? status) => TryParse(status, out var value) ? value : EvseStatus.Unknown;

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
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
