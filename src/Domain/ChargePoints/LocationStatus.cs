namespace Portal.Domain.ChargePoints;

/// <summary>What a location offers a driver right now, summarised from its EVSEs.</summary>
public enum LocationStatus
{
    Unknown,
    Available,
    Occupied,
    Unavailable,
}
