using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Ocpi.Pulling;

namespace Portal.Benchmarks;

/// <summary>
/// JSON parsing of one page of 1,000 Locations as the CPO sends it: the portal's way (the envelope into
/// JSON nodes, as the puller reads a page, then each node into the Location contract, as the receiver
/// maps it) next to plain System.Text.Json deserialisation of the same bytes into the envelope of
/// Locations, as the reference. Throughput is the page size divided by the mean time (PERFORMANCE.md).
/// </summary>
[MemoryDiagnoser]
public class OcpiPageParsingBenchmarks
{
    private const int Locations = 1_000;

    private byte[] _page = [];

    [GlobalSetup]
    public async Task BuildPage()
    {
        await using var cpo = await BenchmarkCpo.StartAsync(Locations);
        _page = cpo.Page(0, Locations);
        Console.WriteLine($"// OCPI page of {Locations} locations: {_page.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public int PlainSystemTextJson() =>
        JsonSerializer.Deserialize<OcpiResponse<List<Location>>>(_page, OcpiJson.Options)!.Data!.Count;

    [Benchmark]
    public int PortalPageParsing()
    {
        var count = 0;
        foreach (var node in OcpiPuller.Items(new OcpiPage(_page, null, null, null, "")))
            count += node.Deserialize<Location>(OcpiJson.Options)!.Evses!.Count;
        return count;
    }
}
