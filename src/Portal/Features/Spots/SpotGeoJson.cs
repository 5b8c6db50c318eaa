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
            return (null, T["SpotImport.NotAPoint", feature.Geometry.GeometryType]);
        var id = feature.Id ?? Text(feature, "id");
        if (string.IsNullOrWhiteSpace(id))
            return (null, T["SpotImport.NoId"]);
        var address = Text(feature, "address");
        if (string.IsNullOrWhiteSpace(address))
            return (null, T["SpotImport.NoAddress"]);
        try
        {
            var position = Coordinate.FromWgs84(point.Y, point.X);
            var setUp = Text(feature, "setUp") is { } s
                ? Enum.TryParse<SpotSetUp>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw new FormatException(T["SpotImport.BadSetUp", s, string.Join(", ", Enum.GetNames<SpotSetUp>())])
                : SpotSetUp.OnPavement;
            var details = new SpotDetails(address, Number(feature, "bays", T) ?? 2, setUp, Number(feature, "freePavementWidthCm", T), Number(feature, "distanceToBayCm", T), Flag(feature, "gridCableNearby", T), Text(feature, "notes"));
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

    private static int? Number(GeoJsonFeature feature, string name, IStringLocalizer<Texts> T) =>
        !feature.Properties.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : throw new FormatException(T["SpotImport.NotWholeNumber", name]);

    private static bool? Flag(GeoJsonFeature feature, string name, IStringLocalizer<Texts> T) =>
        !feature.Properties.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new FormatException(T["SpotImport.NotTrueFalse", name]);
}

internal sealed record ImportedSpot(string ExternalId, Coordinate Position, SpotDetails Details);

public enum SpotImportOutcome
{
    Added,
    Updated,
    Refused,
}

/// <summary>One feature of an upload and what became of it; <see cref="Index"/> counts from 0, -1 is the whole file.</summary>
public sealed record SpotImportLine(int Index, string? Id, string? Address, SpotImportOutcome Outcome, string? Reason);

/// <summary>What a GeoJSON upload did, feature by feature.</summary>
public sealed record SpotImportReport(IReadOnlyList<SpotImportLine> Lines)
{
    public int Added => Lines.Count(l => l.Outcome == SpotImportOutcome.Added);
    public int Updated => Lines.Count(l => l.Outcome == SpotImportOutcome.Updated);
    public int Refused => Lines.Count(l => l.Outcome == SpotImportOutcome.Refused);
}
