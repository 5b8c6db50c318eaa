using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Portal.Integration.GeoJson;

/// <summary>
/// Reads officer uploads in GeoJSON (RFC 7946): a FeatureCollection, a single Feature or a bare
/// geometry, with Point, Polygon and MultiPolygon geometries in WGS84. A bad feature becomes a
/// <see cref="GeoJsonProblem"/> and the rest is still read, so an officer can fix one file in one go.
/// </summary>
public static class GeoJsonReader
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly string[] GeometryTypes = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"];

    public static GeoJsonReadResult Read(Stream utf8Json, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        if (!TryReadAll(utf8Json, maxBytes, out var bytes))
            return WholeDocument($"The file is larger than the limit of {DescribeSize(maxBytes)}.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return WholeDocument(string.Create(CultureInfo.InvariantCulture,
                $"The file is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}). Export it again as GeoJSON."));
        }

        using (document)
            return ReadDocument(document.RootElement);
    }

    private static GeoJsonReadResult ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return WholeDocument("The file must hold one GeoJSON object: a FeatureCollection, a Feature or a geometry.");
        if (UnsupportedCrs(root) is { } crs)
            return WholeDocument($"The file uses the coordinate reference system '{crs}'. Export it in WGS84 (EPSG:4326, longitude and latitude in degrees) and upload it again.");

        var features = new List<GeoJsonFeature>();
        var problems = new List<GeoJsonProblem>();
        var type = TypeOf(root);
        switch (type)
        {
            case "FeatureCollection":
                if (!root.TryGetProperty("features", out var members) || members.ValueKind != JsonValueKind.Array)
                    return WholeDocument("The FeatureCollection has no 'features' array.");
                var index = 0;
                foreach (var member in members.EnumerateArray())
                    ReadFeature(index++, member, features, problems);
                break;
            case "Feature":
                ReadFeature(0, root, features, problems);
                break;
            case not null when GeometryTypes.Contains(type, StringComparer.Ordinal):
                try
                {
                    features.Add(new GeoJsonFeature(0, null, ReadGeometry(root), new Dictionary<string, JsonElement>()));
                }
                catch (InvalidFeature e)
                {
                    problems.Add(new GeoJsonProblem(0, null, e.Message));
                }
                break;
            case null:
                return WholeDocument("The file has no 'type'; GeoJSON starts with \"type\": \"FeatureCollection\", \"Feature\" or a geometry type.");
            default:
                return WholeDocument($"The file has type '{type}'; expected FeatureCollection, Feature or a geometry type (types are case-sensitive).");
        }
        return new GeoJsonReadResult(features, problems);
    }

    private static void ReadFeature(int index, JsonElement element, List<GeoJsonFeature> features, List<GeoJsonProblem> problems)
    {
        string? id = null;
        try
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new InvalidFeature("The feature is not a JSON object.");
            id = ReadId(element);
            var type = TypeOf(element);
            if (type != "Feature")
                throw new InvalidFeature(type is null ? "The feature has no \"type\": \"Feature\"." : $"The feature has type '{type}' where 'Feature' was expected.");
            var properties = ReadProperties(element);
            if (!element.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
                throw new InvalidFeature("The feature has no geometry.");
            features.Add(new GeoJsonFeature(index, id, ReadGeometry(geometry), properties));
        }
        catch (InvalidFeature e)
        {
            problems.Add(new GeoJsonProblem(index, id, e.Message));
        }
    }

    private static string? ReadId(JsonElement feature)
    {
        if (!feature.TryGetProperty("id", out var id))
            return null;
        return id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new InvalidFeature("The feature's 'id' must be a string or a number."),
        };
    }

    private static Dictionary<string, JsonElement> ReadProperties(JsonElement feature)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!feature.TryGetProperty("properties", out var members) || members.ValueKind == JsonValueKind.Null)
            return properties;
        if (members.ValueKind != JsonValueKind.Object)
            throw new InvalidFeature("The feature's 'properties' must be an object.");
        // Cloned: the values outlive the JsonDocument, which is disposed once the file is read.
        foreach (var member in members.EnumerateObject())
            properties[member.Name] = member.Value.Clone();
        return properties;
    }

    private static Geometry ReadGeometry(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidFeature("The geometry is not a JSON object.");
        var type = TypeOf(element) ?? throw new InvalidFeature("The geometry has no 'type'.");
        if (type is "MultiPoint" or "LineString" or "MultiLineString" or "GeometryCollection")
            throw new InvalidFeature($"{type} geometries are not accepted here; use Point, Polygon or MultiPolygon.");
        if (type is not ("Point" or "Polygon" or "MultiPolygon"))
            throw new InvalidFeature($"Unknown geometry type '{type}'; use Point, Polygon or MultiPolygon (types are case-sensitive).");
        if (!element.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind == JsonValueKind.Null)
            throw new InvalidFeature($"The {type} has no coordinates.");

        Geometry geometry = type switch
        {
            "Point" => Factory.CreatePoint(Position(coordinates, "coordinates")),
            "Polygon" => Polygon(coordinates, "coordinates"),
            _ => MultiPolygon(coordinates),
        };

        var validity = new IsValidOp(geometry);
        if (!validity.IsValid)
        {
            var error = validity.ValidationError;
            var at = error.Coordinate is { } c ? string.Create(CultureInfo.InvariantCulture, $" near {c.X:0.######}, {c.Y:0.######}") : "";
            throw new InvalidFeature($"The {type} is not a valid shape: {error.Message}{at}.");
        }
        return geometry;
    }

    private static MultiPolygon MultiPolygon(JsonElement element)
    {
        var members = Items(element, "coordinates", "a list of polygons");
        if (members.Count == 0)
            throw new InvalidFeature("The MultiPolygon has no polygons.");
        return Factory.CreateMultiPolygon(members.Select((polygon, i) => Polygon(polygon, $"coordinates[{i}]")).ToArray());
    }

    private static Polygon Polygon(JsonElement element, string path)
    {
        var rings = Items(element, path, "a list of rings");
        if (rings.Count == 0)
            throw new InvalidFeature($"{path} has no rings; a polygon needs at least its outer ring.");
        var linearRings = rings.Select((ring, i) => Ring(ring, $"{path}[{i}]")).ToArray();
        return Factory.CreatePolygon(linearRings[0], linearRings[1..]);
    }

    private static LinearRing Ring(JsonElement element, string path)
    {
        var positions = Items(element, path, "a list of positions");
        var coordinates = positions.Select((position, i) => Position(position, $"{path}[{i}]")).ToArray();
        if (coordinates.Length < 4)
            throw new InvalidFeature(string.Create(CultureInfo.InvariantCulture,
                $"{path} has {coordinates.Length} positions; a ring needs at least 4, with the last one repeating the first."));
        if (!coordinates[0].Equals2D(coordinates[^1]))
            throw new InvalidFeature($"{path} is not closed: its last position must repeat its first.");
        return Factory.CreateLinearRing(coordinates);
    }

    private static Coordinate Position(JsonElement element, string path)
    {
        var ordinates = Items(element, path, "[longitude, latitude]");
        if (ordinates.Count is < 2 or > 3)
            throw new InvalidFeature(string.Create(CultureInfo.InvariantCulture,
                $"{path} has {ordinates.Count} numbers; a position is [longitude, latitude] (an optional height may follow)."));

        var longitude = Ordinate(ordinates[0], $"{path}[0]");
        var latitude = Ordinate(ordinates[1], $"{path}[1]");
        if (longitude is < -180 or > 180)
            throw new InvalidFeature($"{path}: longitude {ordinates[0].GetRawText()} is outside -180..180. GeoJSON needs WGS84 degrees, longitude first.");
        if (latitude is < -90 or > 90)
            throw new InvalidFeature($"{path}: latitude {ordinates[1].GetRawText()} is outside -90..90. GeoJSON needs WGS84 degrees, longitude first.");
        return new Coordinate(longitude, latitude);
    }

    private static double Ordinate(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidFeature($"{path} is not a number: {Shorten(element.GetRawText())}.");

    private static List<JsonElement> Items(JsonElement element, string path, string expected) =>
        element.ValueKind == JsonValueKind.Array
            ? [.. element.EnumerateArray()]
            : throw new InvalidFeature($"{path} must be {expected}.");

    private static string? TypeOf(JsonElement element) =>
        element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    /// <summary>
    /// RFC 7946 dropped "crs", but GIS tools still write it; an RD New export (EPSG:28992) would
    /// otherwise show up as a wall of "longitude outside -180..180" problems.
    /// </summary>
    private static string? UnsupportedCrs(JsonElement root)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object
            || !crs.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            return null;
        var text = name.GetString() ?? "";
        var wgs84 = text.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase) || text.EndsWith(":4326", StringComparison.Ordinal);
        return wgs84 ? null : text;
    }

    private static bool TryReadAll(Stream stream, long maxBytes, out ReadOnlyMemory<byte> bytes)
    {
        bytes = default;
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
            return false;

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return false;
            buffer.Write(chunk, 0, read);
        }

        var all = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // Windows tools like to start UTF-8 files with a byte-order mark, which the JSON parser rejects.
        bytes = all.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? all[3..] : all;
        return true;
    }

    private static string DescribeSize(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static GeoJsonReadResult WholeDocument(string reason) =>
        new([], [new GeoJsonProblem(GeoJsonProblem.WholeDocument, null, reason)]);

    private sealed class InvalidFeature(string reason) : Exception(reason);
}
