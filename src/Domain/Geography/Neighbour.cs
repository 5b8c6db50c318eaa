namespace Portal.Domain.Geography;

/// <summary>An entry of a <see cref="SpatialIndex{T}"/> found by a query, with its distance from the query's centre.</summary>
public sealed record Neighbour<T>(T Item, Coordinate Position, double DistanceMetres);
