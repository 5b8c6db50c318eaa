using Portal.Domain.Common;
using Portal.Domain.Geography;

namespace Portal.Domain.Applications;

/// <summary>
/// Where the resident asks for a charge point: the home address, the street and place the
/// address search returned, the district it falls in, and the point on the map (the address's
/// point, or where the resident moved it).
/// </summary>
public sealed record ApplicationPlace(ApplicationAddress Address, string Street, string City, string? District, Coordinate Point, bool PointAdjusted)
{
    /// <summary>How far the resident may move the point from where the address search put it.</summary>
    public const int MaxPointShiftMetres = 100;

    /// <summary>Below this a "moved" point is the same point (rounding in the form).</summary>
    public const double PointMovedMetres = 1;

    /// <summary>
    /// The place with the point the resident chose instead of the address's own point (this place's
    /// <see cref="Point"/>), for example across the street: at most <see cref="MaxPointShiftMetres"/>
    /// away, else <see cref="DomainRule.PointTooFarFromAddress"/> with the distance in whole metres
    /// rounded up (so it never reads as the limit itself). A point less than
    /// <see cref="PointMovedMetres"/> away is the address's point: the place comes back unchanged.
    /// </summary>
    public ApplicationPlace WithPointMovedTo(Coordinate chosen)
    {
        var shift = chosen.DistanceTo(Point);
        if (shift > MaxPointShiftMetres)
        {
            var metres = Math.Ceiling(shift);
            throw new DomainRuleViolated(DomainRule.PointTooFarFromAddress,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The point is {metres} m from the address; it may be at most {MaxPointShiftMetres} m away."),
                metres, MaxPointShiftMetres);
        }
        return shift < PointMovedMetres ? this : this with { Point = chosen, PointAdjusted = true };
    }
}
