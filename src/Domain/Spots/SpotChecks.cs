namespace Portal.Domain.Spots;

/// <summary>Checks a (proposed) spot against the placement guidelines. Warnings, not errors: the officer decides.</summary>
public static class SpotChecks
{
    public static IReadOnlyList<SpotWarning> Check(SpotDetails details, IEnumerable<NearbyFeature> nearby, SpotCheckSettings settings)
    {
        var warnings = new List<SpotWarning>();

        var closestSpot = nearby.Where(n => !n.IsChargePoint).MinBy(n => n.DistanceMetres);
        if (closestSpot is not null && closestSpot.DistanceMetres < settings.MinimumDistanceToOtherSpotMetres)
            warnings.Add(new SpotWarning(SpotWarningKind.OtherSpotTooClose, Math.Round(closestSpot.DistanceMetres, 1), settings.MinimumDistanceToOtherSpotMetres, closestSpot.Label));

        var closestChargePoint = nearby.Where(n => n.IsChargePoint).MinBy(n => n.DistanceMetres);
        if (closestChargePoint is not null && closestChargePoint.DistanceMetres < settings.MinimumDistanceToChargePointMetres)
            warnings.Add(new SpotWarning(SpotWarningKind.ChargePointTooClose, Math.Round(closestChargePoint.DistanceMetres, 1), settings.MinimumDistanceToChargePointMetres, closestChargePoint.Label));

        switch (details.FreePavementWidthCm)
        {
            case null:
                warnings.Add(new SpotWarning(SpotWarningKind.PavementWidthUnknown, 0, settings.MinimumFreePavementCm));
                break;
            case { } width when width < settings.MinimumFreePavementCm:
                warnings.Add(new SpotWarning(SpotWarningKind.PavementTooNarrow, width, settings.MinimumFreePavementCm));
                break;
            case { } width when width < settings.PreferredFreePavementCm:
                warnings.Add(new SpotWarning(SpotWarningKind.PavementNarrowerThanPreferred, width, settings.PreferredFreePavementCm));
                break;
        }

        switch (details.DistanceToBayCm)
        {
            case null:
                warnings.Add(new SpotWarning(SpotWarningKind.DistanceToBayUnknown, 0, settings.MaximumDistanceToBayCm));
                break;
            case { } distance when distance > settings.MaximumDistanceToBayCm:
                warnings.Add(new SpotWarning(SpotWarningKind.TooFarFromBay, distance, settings.MaximumDistanceToBayCm));
                break;
        }
        return warnings;
    }
}
