using Portal.Domain.Geography;

namespace Portal.Domain.Applications;

/// <summary>
/// Where the resident asks for a charge point: the home address, the street and place the
/// address search returned, the district it falls in, and the point on the map (the address's
/// point, or where the resident moved it).
/// </summary>
public sealed record ApplicationPlace(ApplicationAddress Address, string Street, string City, string? District, Coordinate Point, bool PointAdjusted);
