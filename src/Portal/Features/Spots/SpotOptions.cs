using Portal.Domain.Spots;

namespace Portal.Features.Spots;

/// <summary>The "Spots" configuration section: the placement guidelines spots are checked against.</summary>
internal sealed class SpotOptions
{
    public double MinimumDistanceToOtherSpotMetres { get; set; } = 50;
    public double MinimumDistanceToChargePointMetres { get; set; } = 50;
    public int MinimumFreePavementCm { get; set; } = 90;
    public int PreferredFreePavementCm { get; set; } = 120;
    public int MaximumDistanceToBayCm { get; set; } = 60;

    public SpotCheckSettings ToSettings() => new(MinimumDistanceToOtherSpotMetres, MinimumDistanceToChargePointMetres, MinimumFreePavementCm, PreferredFreePavementCm, MaximumDistanceToBayCm);
}
