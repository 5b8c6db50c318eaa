using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Portal.Integration.GeoJson;

/// <summary>Writes GeoJSON (RFC 7946) for exports and public map layers.</summary>
public static class GeoJsonWriter
{
    /// <summary>
    /// Writes one FeatureCollection of Point, Polygon and MultiPolygon features in WGS84 (x =
    /// longitude). Outer rings are written counter-clockwise and holes clockwise, as RFC 7946 asks.
    /// With <paramref name="decimals"/> every ordinate is rounded (5 decimals is about a metre), for
    /// public layers that should not be more precise than needed. The caller flushes <paramref name="writer"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A geometry is empty or of another type.</exception>
    public static void WriteFeatureCollection(
        Utf8JsonWriter writer,
        IEnumerable<(string? Id, Geometry Geometry, IEnumerable<KeyValuePair<string, object?>> Properties)> features,
        int? decimals = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(features);
        if (decimals is < 0 or > 15)
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Decimals must be between 0 and 15.");

        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var (id, geometry, properties) in features)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            if (id is not null)
                writer.WriteString("id", id);
            writer.WritePropertyName("geometry");
            WriteGeometry(writer, geometry, decimals);
            writer.WriteStartObject("properties");
            foreach (var (name, value) in properties ?? [])
            {
                writer.WritePropertyName(name);
                if (value is null)
                    writer.WriteNullValue();
                else
                    JsonSerializer.Serialize(writer, value, value.GetType());
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>One Point, Polygon or MultiPolygon as a GeoJSON geometry object, e.g. to store it as text.</summary>
    public static string GeometryJson(Geometry geometry, int? decimals = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            WriteGeometry(writer, geometry, decimals);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteGeometry(Utf8JsonWriter writer, Geometry geometry, int? decimals)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.IsEmpty)
            throw new ArgumentException($"An empty {geometry.GeometryType} cannot be written as GeoJSON.", nameof(geometry));

        writer.WriteStartObject();
        writer.WriteString("type", geometry.GeometryType);
        writer.WritePropertyName("coordinates");
        switch (geometry)
        {
            case Point point:
                WriteOrdinates(writer, point.Coordinate, decimals);
                break;
            case Polygon polygon:
                WritePolygon(writer, polygon, decimals);
                break;
            case MultiPolygon multiPolygon:
                writer.WriteStartArray();
                foreach (var polygon in multiPolygon.Geometries.Cast<Polygon>())
                    WritePolygon(writer, polygon, decimals);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"GeoJSON export takes Point, Polygon and MultiPolygon, not {geometry.GeometryType}.", nameof(geometry));
        }
        writer.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon, int? decimals)
    {
        writer.WriteStartArray();
        WriteRing(writer, polygon.Shell, counterClockwise: true, decimals);
        foreach (var hole in polygon.Holes)
            WriteRing(writer, hole, counterClockwise: false, decimals);
        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, LinearRing ring, bool counterClockwise, int? decimals)
    {
        var coordinates = ring.Coordinates;
        var reverse = Orientation.IsCCW(coordinates) != counterClockwise;
        writer.WriteStartArray();
        for (var i = 0; i < coordinates.Length; i++)
            WriteOrdinates(writer, coordinates[reverse ? coordinates.Length - 1 - i : i], decimals);
        writer.WriteEndArray();
    }

    private static void WriteOrdinates(Utf8JsonWriter writer, Coordinate coordinate, int? decimals)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(Round(coordinate.X, decimals));
        writer.WriteNumberValue(Round(coordinate.Y, decimals));
        writer.WriteEndArray();
    }

    private static double Round(double value, int? decimals) =>
        decimals is { } places ? Math.Round(value, places, MidpointRounding.AwayFromZero) : value;
}
