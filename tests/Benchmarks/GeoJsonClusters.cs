using System.Buffers;
using System.Text.Json;
using Portal.Domain.Geography;

namespace Portal.Benchmarks;

/// <summary>
/// What a map endpoint would send: a GeoJSON FeatureCollection of Points with the properties
/// cluster, count and id. Coordinates are rounded to 6 decimals (about 0.1 m), plenty for a map.
/// </summary>
internal static class GeoJsonClusters
{
    public static byte[] Serialise<T>(IReadOnlyList<MapCluster<T>> clusters)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var cluster in clusters)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(Math.Round(cluster.Longitude, 6));
                json.WriteNumberValue(Math.Round(cluster.Latitude, 6));
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteBoolean("cluster", cluster.IsCluster);
                json.WriteNumber("count", cluster.Count);
                json.WriteNumber("id", cluster.Id);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
