using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Point = NetTopologySuite.Geometries.Point;
using Portal.Components.Shared;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Integration.GeoJson;
using Portal.Resources;

namespace Portal.Features.Spots;

/// <summary>
/// The GeoJSON form of the spot map, for exchange with the municipality's GIS: one Point feature
/// per spot; its id (or properties.id) identifies the spot in later imports.
/// </summary>
internal static class SpotGeoJson
{
    public static IEnumerable<KeyValuePair<string, object?>> Properties(Spot spot) =>
    [
        new("address", spot.Address),
        new("status", spot.Status.ToString()),
        new("bays", spot.Bays),
        new("setUp", spot.SetUp.ToString()),
        new("freePavementWidthCm", spot.FreePavementWidthCm),
        new("distanceToBayCm", spot.DistanceToBayCm),
        new("gridCableNearby", spot.GridCableNearby),
        new("notes", spot.Notes),
        new("updatedAtUtc", spot.UpdatedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
    ];

    /// <summary>Reads one feature as a spot, or says why it cannot be one (a broken domain rule in the reader's language).</summary>
    public static (ImportedSpot? Spot, string? Problem) Read(GeoJsonFeature feature, IStringLocalizer<Texts> T)
    {
        if (feature.Geometry is not Point point)
            return (null, $"a spot is a Point, not a {feature.Geometry.GeometryType}");
        var id = feature.Id ?? Text(feature, "id");
        if (string.IsNullOrWhiteSpace(id))
            return (null, "the feature has no id (an id is needed to update the spot in a later import)");
        var address = Text(feature, "address");
        if (string.IsNullOrWhiteSpace(address))
            return (null, "properties.address is missing");
        try
        {
            var position = Coordinate.FromWgs84(point.Y, point.X);
            var setUp = Text(feature, "setUp") is { } s
                ? Enum.TryParse<SpotSetUp>(s, ignoreCase: true, out var parsed) ? parsed : throw new FormatException($"setUp '{s}' is not one of {string.Join(", ", Enum.GetNames<SpotSetUp>())}")
                : SpotSetUp.OnPavement;
            var details = new SpotDetails(address, Number(feature, "bays") ?? 2, setUp, Number(feature, "freePavementWidthCm"), Number(feature, "distanceToBayCm"), Flag(feature, "gridCableNearby"), Text(feature, "notes"));
            return (new ImportedSpot(id.Trim(), position, details), null);
        }
        catch (DomainRuleViolated e)
        {
            return (null, RuleMessages.Text(T, e));
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    private static string? Text(GeoJsonFeature feature, string name) =>
        feature.Properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(GeoJsonFeature feature, string name) =>
        !feature.Properties.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : throw new FormatException($"properties.{name} must be a whole number");

    private static bool? Flag(GeoJsonFeature feature, string name) =>
        !feature.Properties.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new FormatException($"properties.{name} must be true, false or null");
}

internal sealed record ImportedSpot(string ExternalId, Coordinate Position, SpotDetails Details);

public sealed record SpotImportReport(int Created, int Updated, IReadOnlyList<GeoJsonProblem> Rejected);
