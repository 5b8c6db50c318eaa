using BenchmarkDotNet.Attributes;
using Portal.Domain.Geography;

namespace Portal.Benchmarks;

/// <summary>
/// "Which charge points are near this address?": Within(300 m) and Nearest(5) on SpatialIndex.
/// Every invocation runs <see cref="Queries"/> queries at different places, so the reported times are per query.
/// Synthetic queries fall anywhere in the country; NDW queries fall within 500 m of a real charge point,
/// where a resident would actually ask.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SpatialQueryBenchmarks
{
    private const int Queries = 1_000;

    private SpatialIndex<int> _index = null!;
    private Coordinate[] _centres = [];

    [Params(PointSet.Synthetic200k, PointSet.NlChargePoints)]
    public PointSet Points { get; set; }

    [GlobalSetup]
    public void Build()
    {
        var points = PointSets.Load(Points);
        _index = new SpatialIndex<int>(points.Select((p, i) => (i, Coordinate.FromWgs84(p.Latitude, p.Longitude))));

        var random = new Random(42);
        _centres = new Coordinate[Queries];
        for (var i = 0; i < Queries; i++)
        {
            if (Points == PointSet.Synthetic200k)
            {
                _centres[i] = Coordinate.FromWgs84(50.75 + (random.NextDouble() * 2.8), 3.35 + (random.NextDouble() * 3.85));
            }
            else
            {
                var near = points[random.Next(points.Count)];
                var position = Coordinate.FromWgs84(near.Latitude, near.Longitude);
                _centres[i] = Coordinate.FromRd(position.X + ((random.NextDouble() - 0.5) * 1_000), position.Y + ((random.NextDouble() - 0.5) * 1_000));
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Within300Metres()
    {
        var found = 0;
        foreach (var centre in _centres)
            found += _index.Within(centre, 300).Count;
        return found;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Nearest5()
    {
        var found = 0;
        foreach (var centre in _centres)
            found += _index.Nearest(centre, 5).Count;
        return found;
    }
}
