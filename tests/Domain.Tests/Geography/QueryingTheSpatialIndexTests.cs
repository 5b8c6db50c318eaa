using Portal.Domain.Geography;

namespace Portal.Domain.Tests.Geography;

public sealed class QueryingTheSpatialIndexTests
{
    // FromRd goes through WGS84 and back, which moves every point here by the same centimetre or so;
    // the distances between them stay within a micrometre of the nominal ones (checked below with 1 mm slack).
    private static readonly Coordinate Centre = Coordinate.FromRd(190_000, 444_000);
    private static readonly Coordinate East100 = Coordinate.FromRd(190_100, 444_000);
    private static readonly Coordinate North250 = Coordinate.FromRd(190_000, 444_250);
    private static readonly Coordinate West299_9 = Coordinate.FromRd(189_700.1, 444_000);
    private static readonly Coordinate South300 = Coordinate.FromRd(190_000, 443_700);
    private static readonly Coordinate East301 = Coordinate.FromRd(190_301, 444_000);

    private static SpatialIndex<string> HandPlaced() => new(
    [
        ("e301", East301),
        ("s300", South300),
        ("n250", North250),
        ("w299.9", West299_9),
        ("e100", East100),
        ("n250-twin", North250),
    ]);

    private static string[] Names(IEnumerable<Neighbour<string>> found) => found.Select(n => n.Item).ToArray();

    [Fact]
    public void Within300Metres_ReturnsThePointsUpTo300NearestFirst()
    {
        var found = HandPlaced().Within(Centre, 300.001);

        Assert.Equal(["e100", "n250", "n250-twin", "w299.9", "s300"], Names(found));
        Assert.Equal([100, 250, 250, 299.9, 300], found.Select(n => n.DistanceMetres), new ToleranceComparer(0.001));
    }

    [Fact]
    public void PointExactlyOnTheRadius_IsIncluded()
    {
        var index = HandPlaced();
        var radius = Centre.DistanceTo(South300);

        Assert.Contains("s300", Names(index.Within(Centre, radius)));
        Assert.DoesNotContain("s300", Names(index.Within(Centre, Math.BitDecrement(radius))));
    }

    [Fact]
    public void EqualDistances_KeepInsertionOrder()
    {
        var found = HandPlaced().Within(Centre, 260);

        Assert.Equal(["e100", "n250", "n250-twin"], Names(found));
        Assert.Equal(found[1].DistanceMetres, found[2].DistanceMetres);
    }

    [Fact]
    public void ZeroRadius_FindsOnlyAPointAtTheCentre()
    {
        var index = new SpatialIndex<string>([("here", Centre), ("near", East100)]);

        Assert.Equal(["here"], Names(index.Within(Centre, 0)));
    }

    [Fact]
    public void Nearest_ReturnsTheClosestInOrder()
    {
        var found = HandPlaced().Nearest(Centre, 3);

        Assert.Equal(["e100", "n250", "n250-twin"], Names(found));
        Assert.Equal(East100, found[0].Position);
    }

    [Fact]
    public void NearestWithAMaximumDistance_StopsThere()
    {
        var found = HandPlaced().Nearest(Centre, 5, maxDistanceMetres: 299.95);

        Assert.Equal(["e100", "n250", "n250-twin", "w299.9"], Names(found));
    }

    [Fact]
    public void CountLargerThanTheSet_ReturnsEveryEntry()
    {
        var found = HandPlaced().Nearest(Centre, 100);

        Assert.Equal(["e100", "n250", "n250-twin", "w299.9", "s300", "e301"], Names(found));
    }

    [Fact]
    public void CentreFarOutsideTheEntries_StillFindsTheNearest()
    {
        var groningen = Coordinate.FromRd(233_000, 582_000);

        var found = HandPlaced().Nearest(groningen, 1);

        Assert.Equal(["n250"], Names(found));
    }

    [Fact]
    public void EmptyIndex_FindsNothing()
    {
        var index = new SpatialIndex<string>([]);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Within(Centre, 1_000));
        Assert.Empty(index.Nearest(Centre, 5));
    }

    [Fact]
    public void Count_IsTheNumberOfEntries() => Assert.Equal(6, HandPlaced().Count);

    [Fact]
    public void NegativeRadius_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HandPlaced().Within(Centre, -1));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void CountBelowOne_IsRejected(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HandPlaced().Nearest(Centre, count));

    [Fact]
    public void NegativeMaximumDistance_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HandPlaced().Nearest(Centre, 1, -0.5));

    [Fact]
    public void ThousandsOfRandomPoints_AgreeWithBruteForce()
    {
        var random = new Random(20261121);
        var points = Enumerable.Range(0, 3_000)
            .Select(i => (Item: i, Position: Coordinate.FromRd(180_000 + (random.NextDouble() * 20_000), 440_000 + (random.NextDouble() * 20_000))))
            .ToList();
        var index = new SpatialIndex<int>(points);

        for (var query = 0; query < 200; query++)
        {
            var centre = Coordinate.FromRd(178_000 + (random.NextDouble() * 24_000), 438_000 + (random.NextDouble() * 24_000));
            var radius = random.NextDouble() * 1_500;
            var count = random.Next(1, 40);
            var byDistance = points
                .Select(p => (p.Item, Distance: centre.DistanceTo(p.Position)))
                .OrderBy(p => p.Distance).ThenBy(p => p.Item)
                .ToList();

            Assert.Equal(byDistance.Where(p => p.Distance <= radius).Select(p => p.Item), index.Within(centre, radius).Select(n => n.Item));
            Assert.Equal(byDistance.Take(count).Select(p => p.Item), index.Nearest(centre, count).Select(n => n.Item));
            Assert.Equal(
                byDistance.Where(p => p.Distance <= radius).Take(count).Select(p => p.Item),
                index.Nearest(centre, count, radius).Select(n => n.Item));
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
