using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Portal.Integration.GeoJson;

/// <summary>A feature that read cleanly: a valid WGS84 geometry (x = longitude, y = latitude, SRID 4326).</summary>
/// <param name="Index">Position in the uploaded collection (0 for a single feature or a bare geometry).</param>
/// <param name="Id">The feature's id; a numeric id is given as its JSON text, e.g. "42".</param>
/// <param name="Geometry">A Point, Polygon or MultiPolygon.</param>
/// <param name="Properties">The feature's properties as uploaded.</param>
public sealed record GeoJsonFeature(int Index, string? Id, Geometry Geometry, IReadOnlyDictionary<string, JsonElement> Properties);

/// <summary>Why a feature (or, with <see cref="Index"/> -1, the whole document) could not be used; the reason is plain English for the uploader.</summary>
public sealed record GeoJsonProblem(int Index, string? Id, string Reason)
{
    public const int WholeDocument = -1;
}

public sealed record GeoJsonReadResult(IReadOnlyList<GeoJsonFeature> Features, IReadOnlyList<GeoJsonProblem> Problems);
