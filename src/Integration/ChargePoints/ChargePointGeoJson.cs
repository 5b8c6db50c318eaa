using System.Globalization;
using System.Text.Json;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.GeoJson;
using Point = NetTopologySuite.Geometries.Point;

namespace Portal.Integration.ChargePoints;

/// <summary>
/// Charge locations as GeoJSON Points, for a municipality's own register or a CPO's export.
/// Properties: id (or the feature id), operator (required), name, address, postalCode, city,
/// status (AVAILABLE, CHARGING or UNAVAILABLE), maxPowerKw, source (default "GIS"), public and
/// planned (true/false; default public and live).
/// </summary>
public static class ChargePointGeoJson
{
    public const string DefaultSource = "GIS";

    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<RejectedRow> Rejected) Read(Stream upload, long maxBytes)
    {
        var read = GeoJsonReader.Read(upload, maxBytes);
        var rows = new List<ImportRow>();
        // Lines are features here, counted from 1 as a person would.
        var rejected = read.Problems.Select(p => new RejectedRow(p.Index + 1, p.Id ?? "", p.Reason)).ToList();
        foreach (var feature in read.Features)
        {
            try
            {
                rows.Add(new ImportRow(feature.Index + 1, ToDetails(feature)));
            }
            catch (Exception e) when (e is FormatException or DomainRuleViolated)
            {
                rejected.Add(new RejectedRow(feature.Index + 1, feature.Id ?? "", e.Message));
            }
        }
        return (rows, rejected);
    }

    private static ChargeLocationDetails ToDetails(GeoJsonFeature feature)
    {
        if (feature.Geometry is not Point point)
            throw new FormatException($"a charge location is a Point, not a {feature.Geometry.GeometryType}");
        var id = feature.Id ?? Text(feature, "id");
        if (string.IsNullOrWhiteSpace(id))
            throw new FormatException("the feature has no id (needed to update it in a later import)");
        var operatorName = Text(feature, "operator");
        if (string.IsNullOrWhiteSpace(operatorName))
            throw new FormatException("properties.operator is missing");
        var status = (Text(feature, "status") ?? "").Trim().ToUpperInvariant() switch
        {
            "" => LocationStatus.Unknown,
            "AVAILABLE" => LocationStatus.Available,
            "CHARGING" or "OCCUPIED" => LocationStatus.Occupied,
            "UNAVAILABLE" => LocationStatus.Unavailable,
            var other => throw new FormatException($"status '{other}' is not AVAILABLE, CHARGING or UNAVAILABLE"),
        };
        int? maxPowerWatts = feature.Properties.TryGetValue("maxPowerKw", out var kw) && kw.ValueKind == JsonValueKind.Number
            ? (int)Math.Round(kw.GetDouble() * 1000)
            : feature.Properties.ContainsKey("maxPowerKw") && kw.ValueKind != JsonValueKind.Null ? throw new FormatException("properties.maxPowerKw must be a number") : null;
        return new ChargeLocationDetails(
            Source: Text(feature, "source") ?? DefaultSource,
            SourceId: id.Trim(),
            OcpiLocationId: null,
            OperatorName: operatorName,
            OperatorPartyId: Text(feature, "operatorPartyId"),
            Name: Text(feature, "name") ?? "",
            Address: Text(feature, "address") ?? "",
            PostalCode: Text(feature, "postalCode"),
            City: Text(feature, "city") ?? "",
            Position: new GeoPoint(point.Y, point.X),
            MaxPowerWatts: maxPowerWatts,
            StatusWithoutEvses: status,
            LastUpdatedUtc: Text(feature, "lastUpdated") is { } updated && DateTime.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            Evses: [])
        {
            IsPublic = Flag(feature, "public") ?? true,
            IsPlanned = Flag(feature, "planned") ?? false,
        };
    }

    private static bool? Flag(GeoJsonFeature feature, string name) =>
        !feature.Properties.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw new FormatException($"properties.{name} must be true or false");

    private static string? Text(GeoJsonFeature feature, string name) =>
        feature.Properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
