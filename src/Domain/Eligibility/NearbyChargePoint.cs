using Portal.Domain.ChargePoints;

namespace Portal.Domain.Eligibility;

/// <summary>A public charge location near the address, with how busy it is when usage data exists.</summary>
public sealed record NearbyChargePoint(Guid Id, string Label, double DistanceMetres, LocationStatus Status, int EvseCount, int? OccupancyPercent);
