using BenchmarkDotNet.Attributes;
using Portal.Domain.Geography;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Integration.Documents;
using Portal.Integration.TrafficOrders;

namespace Portal.Benchmarks;

/// <summary>
/// Issue 14's target: drafting a collection order of 300 spots and rendering its PDF (text, table of
/// locations, map) in under 2 s. One invocation drafts the order (300 locations with their signs), renders
/// its text from the default template and writes the PDF; the other two columns split that up.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TrafficOrderPdfBenchmarks
{
    private static readonly TrafficOrderActor Officer = new("benchmark", "Benchmark");

    private (Guid SpotId, string Street, string Number, Coordinate Position)[] _spots = [];
    private OrderDocument _document = null!;

    [Params(300)]
    public int Spots { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Spread over Arnhem (about 8 × 6 km), the same spots every run.
        var random = new Random(14);
        string[] streets = ["Sonsbeekweg", "Utrechtseweg", "Apeldoornseweg", "Velperweg", "Zijpendaalseweg", "Klarendalseweg", "Amsterdamseweg", "Hommelseweg"];
        _spots = [.. Enumerable.Range(0, Spots).Select(i => (Guid.NewGuid(), streets[i % streets.Length], (1 + random.Next(250)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Coordinate.FromRd(187_000 + (random.NextDouble() * 8_000), 441_000 + (random.NextDouble() * 6_000))))];
        _document = OrderTextRenderer.Render(Draft(), Input(), TermsCalendar.Default);
    }

    /// <summary>As the portal starts: its throw-away PDF written (PdfWarmUp), then the first real one.</summary>
    [GlobalSetup(Target = nameof(DraftAndRenderPdfAfterWarmUp))]
    public void SetupWithWarmUp()
    {
        Setup();
        PdfFonts.WarmUp();
    }

    [Benchmark(Description = "draft + text + PDF")]
    public int DraftAndRenderPdf() => OrderPdf.Write(OrderTextRenderer.Render(Draft(), Input(), TermsCalendar.Default)).Length;

    [Benchmark(Description = "draft + text + PDF, after the start-up PDF")]
    public int DraftAndRenderPdfAfterWarmUp() => OrderPdf.Write(OrderTextRenderer.Render(Draft(), Input(), TermsCalendar.Default)).Length;

    [Benchmark(Description = "draft + text")]
    public int DraftAndRenderText() => OrderTextRenderer.Render(Draft(), Input(), TermsCalendar.Default).Locations.Count;

    [Benchmark(Description = "PDF of a rendered text")]
    public int WritePdf() => OrderPdf.Write(_document).Length;

    private TrafficOrder Draft()
    {
        var now = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        var order = TrafficOrder.Draft(Guid.NewGuid(), "VB-2026-0300", "Laadplaatsen uitrol 2027, fase 1", TrafficOrderRoute.Direct, Officer, now);
        var sign = PlannedSign.ForCharging(SignBoard.E4);
        foreach (var (spotId, street, number, position) in _spots)
            order.AddLocation(spotId, street, number, position, 2, sign, now);
        return order;
    }

    private static OrderTextInput Input() =>
        new("Arnhem", "GM0202", OrderTextTemplate.Default, RoadTrafficInterests.UsualForCharging, null, PublicationChannel.Gemeenteblad, new DateOnly(2026, 12, 10));
}
