using Portal.Domain.Geography;

namespace Portal.Domain.Tests.Geography;

public sealed class ClusteringMapPointsTests
{
    private static readonly BoundingBox World = new(-180, -90, 180, 90);
    private static readonly ClusterOptions Options = new();

    private static List<MapPoint<int>> RandomPointsInTheNetherlands(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => new MapPoint<int>(i, 50.75 + (random.NextDouble() * 2.8), 3.4 + (random.NextDouble() * 3.8)))
            .ToList();
    }

    [Fact]
    public void WholeWorld_CountsAddUpToEveryPointAtEveryZoom()
    {
        var index = new ClusterIndex<int>(RandomPointsInTheNetherlands(2_000, 7));

        for (var zoom = Options.MinZoom; zoom <= Options.MaxZoom + 1; zoom++)
            Assert.Equal(2_000, index.Query(World, zoom).Sum(c => c.Count));
    }

    [Fact]
    public void EveryZoom_LeavesOfClustersAndSinglesAreTheInputExactlyOnce()
    {
        var points = RandomPointsInTheNetherlands(2_000, 11);
        // Stacked points (several posts at one site) must survive too.
        points.AddRange(Enumerable.Range(2_000, 5).Select(i => new MapPoint<int>(i, 51.98, 5.91)));
        var index = new ClusterIndex<int>(points);

        for (var zoom = Options.MinZoom; zoom <= Options.MaxZoom + 1; zoom++)
        {
            var leaves = index.Query(World, zoom)
                .SelectMany(c => c.IsCluster ? index.Leaves(c.Id) : [c.Item])
                .Order();

            Assert.Equal(Enumerable.Range(0, 2_005), leaves);
        }
    }

    [Fact]
    public void ClusterLeaves_CountAsTheCluster()
    {
        var index = new ClusterIndex<int>(RandomPointsInTheNetherlands(500, 3));

        foreach (var cluster in index.Query(World, 9).Where(c => c.IsCluster))
            Assert.Equal(cluster.Count, index.Leaves(cluster.Id).Count);
    }

    [Fact]
    public void TwoPointsFarApart_NeverCluster()
    {
        // Amsterdam and Sydney: 146° of longitude apart, 0.41 of the world's width; the radius at zoom 0 is 60/512 = 0.12.
        var index = new ClusterIndex<string>([new("Amsterdam", 52.37, 4.90), new("Sydney", -33.87, 151.21)]);

        for (var zoom = 0; zoom <= 17; zoom++)
        {
            var shown = index.Query(World, zoom);
            Assert.Equal(2, shown.Count);
            Assert.All(shown, c => Assert.False(c.IsCluster));
        }
    }

    [Fact]
    public void PointsWithinTheRadius_ClusterAtLowZoomOnly()
    {
        // Arnhem and Nijmegen are 15.9 km apart. At 52° N a 512-pixel tile has 78.3 km * cos(52°) = 48.2 km per pixel
        // at zoom 0, so 60 pixels cover 22.6 km at zoom 7 (they cluster) and 11.3 km at zoom 8 (they do not).
        var index = new ClusterIndex<string>([new("Arnhem", 51.98, 5.91), new("Nijmegen", 51.84, 5.86)]);

        var atSeven = Assert.Single(index.Query(World, 7));
        Assert.True(atSeven.IsCluster);
        Assert.Equal(2, atSeven.Count);
        Assert.Null(atSeven.Item);
        Assert.InRange(atSeven.Latitude, 51.905, 51.915);
        Assert.InRange(atSeven.Longitude, 5.8849, 5.8851);
        Assert.Equal(["Arnhem", "Nijmegen"], index.Leaves(atSeven.Id));

        var atEight = index.Query(World, 8);
        Assert.Equal(["Arnhem", "Nijmegen"], atEight.Select(c => c.Item).Order());
        Assert.All(atEight, c => Assert.Equal(1, c.Count));
    }

    [Fact]
    public void ClusterOfThreeWithOneHeavyChild_SitsAtTheWeightedCentre()
    {
        // Two stacked points and one 1 km east, on the equator (where Mercator x is linear in longitude):
        // the centre is a third of the way, 0.003° east.
        var index = new ClusterIndex<string>([new("a", 0, 10), new("b", 0, 10), new("c", 0, 10.009)]);

        var cluster = Assert.Single(index.Query(World, 5));

        Assert.Equal(3, cluster.Count);
        Assert.Equal(10.003, cluster.Longitude, precision: 9);
        Assert.Equal(0, cluster.Latitude, precision: 9);
    }

    [Fact]
    public void FewerPointsThanMinPoints_StaySingle()
    {
        var index = new ClusterIndex<string>([new("Arnhem", 51.98, 5.91), new("Nijmegen", 51.84, 5.86)], Options with { MinPoints = 3 });

        Assert.All(index.Query(World, 0), c => Assert.False(c.IsCluster));
    }

    [Fact]
    public void AboveMaxZoom_EveryPointIsSingleAndZoomIsClamped()
    {
        var index = new ClusterIndex<int>(RandomPointsInTheNetherlands(1_000, 5), Options with { MaxZoom = 10 });

        Assert.Equal(1_000, index.Query(World, 11).Count);
        Assert.Equal(index.Query(World, 11), index.Query(World, 40));
        Assert.Equal(index.Query(World, 0), index.Query(World, -3));
    }

    [Fact]
    public void BoxQuery_ReturnsOnlyWhatLiesInTheBox()
    {
        var points = RandomPointsInTheNetherlands(3_000, 13);
        var index = new ClusterIndex<int>(points);
        var arnhem = new BoundingBox(5.80, 51.90, 6.05, 52.05);

        var singles = index.Query(arnhem, 17);
        Assert.Equal(points.Where(p => arnhem.Contains(p.Latitude, p.Longitude)).Select(p => p.Item).Order(), singles.Select(c => c.Item).Order());

        for (var zoom = 0; zoom <= 16; zoom++)
            Assert.All(index.Query(arnhem, zoom), c => Assert.True(arnhem.Contains(c.Latitude, c.Longitude)));
    }

    [Fact]
    public void NoPoints_GiveNoClusters()
    {
        var index = new ClusterIndex<int>([]);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Query(World, 5));
    }

    [Fact]
    public void UnknownClusterId_IsRejected()
    {
        var index = new ClusterIndex<int>(RandomPointsInTheNetherlands(10, 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Leaves(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Leaves(1_000_000));
    }

    [Theory]
    [InlineData(0, 512, 0, 16, 2)]
    [InlineData(60, 0, 0, 16, 2)]
    [InlineData(60, 512, 5, 4, 2)]
    [InlineData(60, 512, -1, 16, 2)]
    [InlineData(60, 512, 0, 16, 1)]
    public void InvalidOptions_AreRejected(int radius, int extent, int minZoom, int maxZoom, int minPoints) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterIndex<int>([], new ClusterOptions(radius, extent, minZoom, maxZoom, minPoints)));

    [Fact]
    public void PointOffTheGlobe_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterIndex<int>([new MapPoint<int>(1, 91, 5)]));
}
