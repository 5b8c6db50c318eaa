using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Validation;

namespace Portal.Benchmarks;

/// <summary>
/// Reading one page of 1,000 Locations as the CPO sends it: plain System.Text.Json deserialisation of the
/// envelope of Locations (the reference), the portal's page reader (envelope checked, each object read once
/// into its wire record with its raw JSON kept, then validated), and the way the portal read a page before
/// (the envelope into JSON nodes, each node into the record, validated). Throughput is the page size
/// divided by the mean time (PERFORMANCE.md).
/// </summary>
[MemoryDiagnoser]
public class OcpiPageParsingBenchmarks
{
    private const int Locations = 1_000;

    private byte[] _page = [];

    [GlobalSetup]
    public async Task BuildPage()
    {
        await using var cpo = await SyntheticLocations.ServedAsync(Locations);
        _page = cpo.Page("locations", 0, Locations);
        Console.WriteLine($"// OCPI page of {Locations} locations: {_page.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public int PlainSystemTextJson() =>
        JsonSerializer.Deserialize<OcpiResponse<List<Location>>>(_page, OcpiJson.Options)!.Data!.Count;

    [Benchmark]
    public int PortalReadAndValidate()
    {
        var count = 0;
        foreach (var item in OcpiPageReader.Read<Location>(_page, ""))
        {
            if (OcpiValidator.ValidateLocation(item.Value!).Count > 0)
                throw new InvalidOperationException("a generated location is invalid");
            count += item.Value!.Evses!.Count;
        }
        return count;
    }

    [Benchmark]
    public int FormerNodesReadAndValidate()
    {
        var count = 0;
        var data = JsonNode.Parse(_page)!["data"]!.AsArray();
        foreach (var node in data.OfType<JsonObject>())
        {
            var location = node.Deserialize<Location>(OcpiJson.Options)!;
            if (OcpiValidator.ValidateLocation(location).Count > 0)
                throw new InvalidOperationException("a generated location is invalid");
            count += location.Evses!.Count;
        }
        return count;
    }
}
