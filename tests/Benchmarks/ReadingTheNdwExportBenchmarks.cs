using BenchmarkDotNet.Attributes;
using Portal.Integration.ChargePoints;

namespace Portal.Benchmarks;

/// <summary>
/// Reading the open-data export that seeds a municipality (Arnhem: 671 locations, 1,756 EVSEs,
/// about 0.5 MB). The baseline splits every line on commas without handling quotes; it gets
/// quoted fields wrong, but it is the cheapest way to touch every byte, so the ratio shows what
/// correct CSV handling, parsing and validation cost on top.
/// </summary>
[MemoryDiagnoser]
public class ReadingTheNdwExportBenchmarks
{
    private string _locations = "";
    private string _evses = "";

    [GlobalSetup]
    public void Load()
    {
        var folder = RepositoryFiles.Path("src", "Portal", "Features", "Demo", "Data");
        _locations = File.ReadAllText(System.IO.Path.Combine(folder, "arnhem-charge-points.csv"));
        _evses = File.ReadAllText(System.IO.Path.Combine(folder, "arnhem-evses.csv"));
    }

    [Benchmark(Baseline = true)]
    public int SplitLinesOnCommas()
    {
        var fields = 0;
        foreach (var text in new[] { _locations, _evses })
        {
            using var reader = new StringReader(text);
            while (reader.ReadLine() is { } line)
                fields += line.Split(',').Length;
        }
        return fields;
    }

    [Benchmark]
    public int ReadLocationsWithEvses() =>
        NdwChargePointCsv.Read(new StringReader(_locations), new StringReader(_evses)).Rows.Count;
}
