namespace Portal.Domain.Applications;

/// <summary>Another open application within the policy distance: one charge point may serve both.</summary>
public sealed record NearbyApplication(Guid ApplicationId, string Reference, double DistanceMetres);
