using System.Text;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Portal.Integration.GeoJson;

namespace Portal.Integration.Tests.GeoJson;

public sealed class WritingGeoJsonTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    [Fact]
    public void WrittenCollection_ReadsBackWithTheSameIdsGeometriesAndProperties()
    {
        var spot = Wgs84.CreatePoint(new Coordinate(5.92143877, 51.98719044));
        var zone = Wgs84.CreatePolygon(
            Wgs84.CreateLinearRing([new(5.90, 51.98), new(5.92, 51.98), new(5.92, 52.00), new(5.90, 52.00), new(5.90, 51.98)]),
            [Wgs84.CreateLinearRing([new(5.905, 51.985), new(5.905, 51.99), new(5.91, 51.99), new(5.905, 51.985)])]);
        var districts = Wgs84.CreateMultiPolygon([
            Wgs84.CreatePolygon([new(5.95, 51.95), new(5.96, 51.95), new(5.96, 51.96), new(5.95, 51.95)]),
            Wgs84.CreatePolygon([new(5.97, 51.95), new(5.98, 51.95), new(5.98, 51.96), new(5.97, 51.95)]),
        ]);

        var result = GeoJsonReader.Read(Write(
        [
            ("spot-1", spot, [new("bays", 2), new("name", "Velperweg 1"), new("power_kw", 22.5), new("public", true), new("note", null)]),
            ("zone-2", zone, []),
            (null, districts, [new("codes", new[] { "WK020201", "WK020202" })]),
        ]));

        Assert.Empty(result.Problems);
        Assert.Equal(["spot-1", "zone-2", null], result.Features.Select(f => f.Id));
        Assert.True(result.Features[0].Geometry.EqualsExact(spot));
        Assert.True(result.Features[1].Geometry.EqualsTopologically(zone));
        Assert.True(result.Features[2].Geometry.EqualsTopologically(districts));
        var properties = result.Features[0].Properties;
        Assert.Equal(2, properties["bays"].GetInt32());
        Assert.Equal("Velperweg 1", properties["name"].GetString());
        Assert.Equal(22.5, properties["power_kw"].GetDouble());
        Assert.True(properties["public"].GetBoolean());
        Assert.Equal(JsonValueKind.Null, properties["note"].ValueKind);
        Assert.Equal(["WK020201", "WK020202"], result.Features[2].Properties["codes"].EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Decimals_RoundEveryOrdinate()
    {
        var spot = Wgs84.CreatePoint(new Coordinate(5.92143877, 51.98719044));

        var json = Encoding.UTF8.GetString(Write([("spot-1", spot, [])], decimals: 5).ToArray());

        Assert.Contains("\"coordinates\":[5.92144,51.98719]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ClockwiseOuterRing_IsWrittenCounterClockwise()
    {
        var clockwise = Wgs84.CreatePolygon([new(5.90, 51.98), new(5.90, 51.99), new(5.91, 51.99), new(5.91, 51.98), new(5.90, 51.98)]);
        Assert.False(Orientation.IsCCW(clockwise.Shell.Coordinates));

        var read = GeoJsonReader.Read(Write([("zone", clockwise, [])]));

        var polygon = Assert.IsType<Polygon>(Assert.Single(read.Features).Geometry);
        Assert.True(Orientation.IsCCW(polygon.Shell.Coordinates));
        Assert.True(polygon.EqualsTopologically(clockwise));
    }

    [Fact]
    public void LineString_IsRefused()
    {
        var line = Wgs84.CreateLineString([new(5.90, 51.98), new(5.91, 51.99)]);

        Assert.Throws<ArgumentException>(() => Write([("route", line, [])]));
    }

    private static MemoryStream Write(
        IEnumerable<(string? Id, Geometry Geometry, IEnumerable<KeyValuePair<string, object?>> Properties)> features, int? decimals = null)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            GeoJsonWriter.WriteFeatureCollection(writer, features, decimals);
        }
        stream.Position = 0;
        return stream;
    }
}
