namespace Portal.Domain.Spots;

public enum SpotWarningKind
{
    OtherSpotTooClose,
    ChargePointTooClose,
    PavementTooNarrow,
    PavementNarrowerThanPreferred,
    TooFarFromBay,
    PavementWidthUnknown,
    DistanceToBayUnknown,
}

/// <summary>A guideline the spot does not meet, with the measured value and the limit (metres or centimetres).</summary>
public sealed record SpotWarning(SpotWarningKind Kind, double Measured, double Limit, string? NeighbourLabel = null)
{
    /// <summary>Blocking warnings break a hard guideline; the others ask the officer to look again.</summary>
    public bool IsBlocking => Kind is SpotWarningKind.PavementTooNarrow or SpotWarningKind.TooFarFromBay or SpotWarningKind.OtherSpotTooClose or SpotWarningKind.ChargePointTooClose;
}

/// <summary>Something near a spot: another spot or a charge location, with its distance.</summary>
public sealed record NearbyFeature(string Label, double DistanceMetres, bool IsChargePoint);
