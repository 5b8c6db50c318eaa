using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Portal.Domain.Geography;

namespace Portal.Benchmarks;

/// <summary>
/// The public map: build the cluster index over all charge points, then answer the whole-country
/// viewport at zoom 7 and 8 (with and without writing the GeoJSON the browser would get). The
/// Features and GeoJSON columns show how big that answer is. supercluster/compare.mjs runs the same
/// workload with the npm package.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(WithViewportColumns))]
public class ClusteringBenchmarks
{
    public static readonly BoundingBox Netherlands = new(3.2, 50.7, 7.3, 53.7);

    private static readonly ConcurrentDictionary<(PointSet, int), (int Features, int Bytes)> Viewports = new();

    private MapPoint<int>[] _points = [];
    private ClusterIndex<int> _index = null!;

    [Params(PointSet.Synthetic200k, PointSet.NlChargePoints)]
    public PointSet Points { get; set; }

    [GlobalSetup]
    public void Load()
    {
        _points = ToMapPoints(PointSets.Load(Points));
        _index = new ClusterIndex<int>(_points);
    }

    [Benchmark]
    public int BuildIndex() => new ClusterIndex<int>(_points).Count;

    [Benchmark]
    public int QueryZoom7() => _index.Query(Netherlands, 7).Count;

    [Benchmark]
    public int QueryZoom8() => _index.Query(Netherlands, 8).Count;

    [Benchmark]
    public int QueryZoom7AsGeoJson() => GeoJsonClusters.Serialise(_index.Query(Netherlands, 7)).Length;

    [Benchmark]
    public int QueryZoom8AsGeoJson() => GeoJsonClusters.Serialise(_index.Query(Netherlands, 8)).Length;

    private static MapPoint<int>[] ToMapPoints(IReadOnlyList<(double Latitude, double Longitude)> points) =>
        points.Select((p, i) => new MapPoint<int>(i, p.Latitude, p.Longitude)).ToArray();

    private static (int Features, int Bytes) Viewport(PointSet set, int zoom) => Viewports.GetOrAdd((set, zoom), key =>
    {
        var result = new ClusterIndex<int>(ToMapPoints(PointSets.Load(key.Item1))).Query(Netherlands, key.Item2);
        return (result.Count, GeoJsonClusters.Serialise(result).Length);
    });

    private sealed class WithViewportColumns : ManualConfig
    {
        public WithViewportColumns() => AddColumn(
            new ViewportColumn("Features", v => v.Features.ToString("N0", CultureInfo.InvariantCulture)),
            new ViewportColumn("GeoJSON", v => (v.Bytes / 1024.0).ToString("0.0' KB'", CultureInfo.InvariantCulture)));
    }

    /// <summary>The size of the whole-country answer for the zoom level a query benchmark asks for.</summary>
    private sealed class ViewportColumn(string name, Func<(int Features, int Bytes), string> show) : IColumn
    {
        public string Id => nameof(ViewportColumn) + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name == "Features" ? "Clusters and single points in the viewport" : "Size of that answer as GeoJSON (UTF-8)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
            var zoom = method.StartsWith("QueryZoom7", StringComparison.Ordinal) ? 7 : method.StartsWith("QueryZoom8", StringComparison.Ordinal) ? 8 : -1;
            if (zoom < 0)
                return "-";
            var set = (PointSet)benchmarkCase.Parameters["Points"];
            return show(Viewport(set, zoom));
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
