using System.Globalization;
using System.IO.Compression;

namespace Portal.Benchmarks;

public enum PointSet
{
    /// <summary>200,000 points spread evenly over the Netherlands' box, from a fixed seed.</summary>
    Synthetic200k,

    /// <summary>Every row of the NDW charge-point snapshot (86,142 locations, duplicates included), from Data/.</summary>
    NlChargePoints,
}

/// <summary>The benchmark point sets as WGS84 latitude/longitude pairs; supercluster/compare.mjs loads the same ones.</summary>
internal static class PointSets
{
    public static IReadOnlyList<(double Latitude, double Longitude)> Load(PointSet set) => set switch
    {
        PointSet.Synthetic200k => Synthetic(200_000),
        PointSet.NlChargePoints => ChargePoints(),
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, null),
    };

    // xorshift32 instead of System.Random: the Node script must draw exactly the same points.
    public static List<(double Latitude, double Longitude)> Synthetic(int count, uint seed = 20_261_121)
    {
        var state = seed;
        double Next()
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return state / 4_294_967_296.0;
        }

        var points = new List<(double, double)>(count);
        for (var i = 0; i < count; i++)
        {
            var latitude = 50.75 + (Next() * 2.8);
            var longitude = 3.35 + (Next() * 3.85);
            points.Add((latitude, longitude));
        }
        return points;
    }

    private static List<(double Latitude, double Longitude)> ChargePoints()
    {
        using var file = File.OpenRead(RepositoryFiles.Path("tests", "Benchmarks", "Data", "nl-charge-points.csv.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        if (reader.ReadLine() != "latitude,longitude")
            throw new InvalidDataException("nl-charge-points.csv.gz must start with the header latitude,longitude.");

        var points = new List<(double, double)>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            points.Add((
                double.Parse(line.AsSpan(0, comma), NumberStyles.Float, CultureInfo.InvariantCulture),
                double.Parse(line.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        return points;
    }
}
