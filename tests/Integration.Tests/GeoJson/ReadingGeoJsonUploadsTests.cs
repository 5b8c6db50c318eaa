using System.Text;
using NetTopologySuite.Geometries;
using Portal.Integration.GeoJson;

namespace Portal.Integration.Tests.GeoJson;

public sealed class ReadingGeoJsonUploadsTests
{
    [Fact]
    public void ArnhemDistricts_AreTwentyFourValidPolygons()
    {
        using var file = File.OpenRead(RepositoryFiles.Path("src", "Portal", "Features", "Demo", "Data", "districts-arnhem.geojson"));

        var result = GeoJsonReader.Read(file);

        Assert.Empty(result.Problems);
        Assert.Equal(24, result.Features.Count);
        Assert.All(result.Features, f => Assert.IsType<Polygon>(f.Geometry));
        Assert.All(result.Features, f => Assert.True(f.Geometry.IsValid));
        Assert.Equal(Enumerable.Range(0, 24), result.Features.Select(f => f.Index));
        Assert.Equal("Centrum", result.Features[0].Properties["wijk_name"].GetString());
        Assert.Equal("GM0202", result.Features[0].Properties["gemeente_code"].GetString());
        Assert.Equal(44, result.Features[0].Properties["charge_evses_approx"].GetInt32());
        Assert.All(result.Features, f => Assert.InRange(f.Geometry.Centroid.Y, 51.9, 52.1));
    }

    [Fact]
    public void MixOfGoodAndBadFeatures_KeepsTheGoodAndNamesEachBadOneByIndex()
    {
        var json = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "spot-1", "geometry": {"type": "Point", "coordinates": [5.9214, 51.9872]}, "properties": {"bays": 2}},
              {"type": "Feature", "id": "spot-2", "geometry": {"type": "Circle", "coordinates": [5.92, 51.98]}, "properties": {}},
              {"type": "Feature", "id": "spot-3", "geometry": {"type": "Point"}, "properties": {}},
              {"type": "Feature", "id": "spot-4", "geometry": {"type": "Point", "coordinates": ["5,92", 51.98]}, "properties": {}},
              {"type": "Feature", "id": "spot-5", "geometry": {"type": "Point", "coordinates": [5.92, 151.98]}, "properties": {}},
              {"type": "Feature", "id": "zone-6", "geometry": {"type": "Polygon", "coordinates": [[[5.90, 51.98], [5.91, 51.98], [5.91, 51.99], [5.90, 51.99]]]}, "properties": {}},
              {"type": "Feature", "id": "zone-7", "geometry": {"type": "Polygon", "coordinates": [[[5.90, 51.98], [5.91, 51.99], [5.91, 51.98], [5.90, 51.99], [5.90, 51.98]]]}, "properties": {}},
              {"type": "Feature", "id": 8, "geometry": {"type": "Polygon", "coordinates": [[[5.90, 51.98], [5.91, 51.98], [5.91, 51.99], [5.90, 51.99], [5.90, 51.98]]]}, "properties": {"name": "Zone 8"}},
              {"type": "Feature", "id": "route-9", "geometry": {"type": "LineString", "coordinates": [[5.90, 51.98], [5.91, 51.99]]}, "properties": {}},
              {"type": "Feature", "id": "spot-10", "geometry": null, "properties": {}},
              {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[[[5.90, 51.98], [5.91, 51.98], [5.91, 51.99], [5.90, 51.98]]], [[[5.92, 51.98], [5.93, 51.98], [5.93, 51.99], [5.92, 51.98]]]]}},
              "not a feature"
            ]}
            """;

        var result = Read(json);

        Assert.Equal([0, 7, 10], result.Features.Select(f => f.Index));
        Assert.Equal(["spot-1", "8", null], result.Features.Select(f => f.Id));
        Assert.IsType<MultiPolygon>(result.Features[2].Geometry);
        Assert.Equal([1, 2, 3, 4, 5, 6, 8, 9, 11], result.Problems.Select(p => p.Index));
        Assert.Equal(["spot-2", "spot-3", "spot-4", "spot-5", "zone-6", "zone-7", "route-9", "spot-10", null], result.Problems.Select(p => p.Id));
        var reasons = result.Problems.Select(p => p.Reason).ToList();
        Assert.Contains("Unknown geometry type 'Circle'", reasons[0], StringComparison.Ordinal);
        Assert.Contains("has no coordinates", reasons[1], StringComparison.Ordinal);
        Assert.Contains("coordinates[0] is not a number: \"5,92\"", reasons[2], StringComparison.Ordinal);
        Assert.Contains("latitude 151.98 is outside -90..90", reasons[3], StringComparison.Ordinal);
        Assert.Contains("coordinates[0] is not closed", reasons[4], StringComparison.Ordinal);
        Assert.Contains("not a valid shape: Self-intersection near 5.905, 51.985", reasons[5], StringComparison.Ordinal);
        Assert.Contains("LineString geometries are not accepted", reasons[6], StringComparison.Ordinal);
        Assert.Contains("has no geometry", reasons[7], StringComparison.Ordinal);
        Assert.Contains("not a JSON object", reasons[8], StringComparison.Ordinal);
    }

    [Fact]
    public void RingWithTooFewPositions_IsAProblem()
    {
        var result = Read("""{"type": "Polygon", "coordinates": [[[5.90, 51.98], [5.91, 51.98], [5.90, 51.98]]]}""");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("coordinates[0] has 3 positions; a ring needs at least 4", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HoleOutsideItsShell_IsAProblem()
    {
        var result = Read("""
            {"type": "Polygon", "coordinates": [
              [[5.90, 51.98], [5.91, 51.98], [5.91, 51.99], [5.90, 51.99], [5.90, 51.98]],
              [[5.95, 51.95], [5.96, 51.95], [5.96, 51.96], [5.95, 51.95]]]}
            """);

        Assert.Contains("Hole lies outside shell", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJson_IsOneProblemForTheWholeDocument()
    {
        var result = Read("{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": \"Feature\", } ");

        Assert.Empty(result.Features);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(GeoJsonProblem.WholeDocument, problem.Index);
        Assert.Contains("not valid JSON (line 2", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentOverTheLimit_IsOneProblemForTheWholeDocument()
    {
        var json = """{"type": "Point", "coordinates": [5.9214, 51.9872]}""" + new string(' ', 2000);

        var result = GeoJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), maxBytes: 1024);

        Assert.Empty(result.Features);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(-1, problem.Index);
        Assert.Equal("The file is larger than the limit of 1024 bytes.", problem.Reason);
    }

    [Fact]
    public void UnseekableStreamOverTheLimit_StopsReadingAtTheLimit()
    {
        using var endless = new EndlessStream();

        var result = GeoJsonReader.Read(endless, maxBytes: 1024 * 1024);

        Assert.Equal("The file is larger than the limit of 1 MB.", Assert.Single(result.Problems).Reason);
        Assert.InRange(endless.Served, 1024 * 1024, 2 * 1024 * 1024);
    }

    [Fact]
    public void BareGeometry_IsOneFeatureWithoutIdOrProperties()
    {
        var result = Read("""{"type": "Point", "coordinates": [5.9214, 51.9872, 12.5]}""");

        var feature = Assert.Single(result.Features);
        Assert.Equal(0, feature.Index);
        Assert.Null(feature.Id);
        Assert.Empty(feature.Properties);
        var point = Assert.IsType<Point>(feature.Geometry);
        Assert.Equal((5.9214, 51.9872), (point.X, point.Y));
        Assert.Equal(4326, point.SRID);
    }

    [Fact]
    public void SingleFeature_IsRead()
    {
        var result = Read("""{"type": "Feature", "id": "laadplek-7", "geometry": {"type": "Point", "coordinates": [5.9214, 51.9872]}, "properties": null}""");

        var feature = Assert.Single(result.Features);
        Assert.Equal("laadplek-7", feature.Id);
        Assert.Empty(feature.Properties);
    }

    [Fact]
    public void NumericIds_AreKeptAsTheirJsonText()
    {
        var result = Read("""
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": 42, "geometry": {"type": "Point", "coordinates": [5.92, 51.98]}, "properties": {}},
              {"type": "Feature", "id": 4.5, "geometry": {"type": "Point", "coordinates": [5.92, 51.98]}, "properties": {}},
              {"type": "Feature", "id": "0042", "geometry": {"type": "Point", "coordinates": [5.92, 51.98]}, "properties": {}},
              {"type": "Feature", "id": {"nested": 1}, "geometry": {"type": "Point", "coordinates": [5.92, 51.98]}, "properties": {}}
            ]}
            """);

        Assert.Equal(["42", "4.5", "0042"], result.Features.Select(f => f.Id));
        Assert.Equal(3, Assert.Single(result.Problems).Index);
    }

    [Fact]
    public void RdNewCoordinateSystem_IsOneProblemAskingForWgs84()
    {
        var result = Read("""
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
             "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [191235.41, 444682.18]}, "properties": {}}]}
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(-1, problem.Index);
        Assert.Contains("EPSG::28992", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("WGS84", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMark_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"type": "Point", "coordinates": [5.92, 51.98]}""")).ToArray();

        var result = GeoJsonReader.Read(new MemoryStream(bytes));

        Assert.Single(result.Features);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void UnknownDocumentType_IsOneProblem()
    {
        var result = Read("""{"type": "Topology", "objects": {}}""");

        Assert.Equal(-1, Assert.Single(result.Problems).Index);
    }

    private static GeoJsonReadResult Read(string json) => GeoJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            Served += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
