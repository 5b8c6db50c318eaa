using System.Text;
using Portal.Domain.Audits.Uptime;
using Portal.Integration.Audits.Reports;
using static Portal.Integration.Tests.Audits.Reports.AuditReportTestTexts;
using static Portal.Tests.Support.Audits.AuditReportScenario;

namespace Portal.Integration.Tests.Audits.Reports;

public sealed class WritingTheAuditPdfTests
{
    [Fact]
    public void ThePdf_HoldsTheHeader_TheFigures_TheOutages_AndTheFingerprint()
    {
        var report = Report();

        var bytes = AuditPdf.Write(report, Dutch);

        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(bytes, 0, 5), StringComparison.Ordinal);
        var pages = PdfPages(bytes);
        var text = string.Join("\n", pages);
        Assert.Contains("Auditrapport beschikbaarheid CON-2025-ARN-DUI-01", text, StringComparison.Ordinal);
        Assert.Contains("Periode: 01-11-2026 t/m 30-11-2026", text, StringComparison.Ordinal);          // [31 Oct 23:00 UTC, 30 Nov 23:00 UTC) is 1-30 November in Arnhem
        Assert.Contains("Status: ondertekend", text, StringComparison.Ordinal);
        Assert.Contains("Ondertekend door: J. de Vries, 27-11-2026 10:00", text, StringComparison.Ordinal);   // 09:00 UTC = 10:00 CET
        Assert.Contains("Metriek v1; normen 95,00 % en 98,00 %.", text, StringComparison.Ordinal);
        Assert.Contains("99,72 %", text, StringComparison.Ordinal);       // E3's NEVI figure and connectivity: 2,584,800 / 2,592,000 = 0.997222
        Assert.Contains("99,71 %", text, StringComparison.Ordinal);       // E3's A: 2,498,400 / 2,505,600 = 0.997126
        Assert.Contains("99,58 %", text, StringComparison.Ordinal);       // E2's A: 2,581,200 / 2,592,000 = 0.995833
        Assert.Contains("99,77 %", text, StringComparison.Ordinal);       // the network: 7,671,600 / 7,689,600 = 0.997659
        Assert.Contains("1.560,00", text, StringComparison.Ordinal);      // E3's D: 93,600 s / 60
        Assert.Contains("43.200,00", text, StringComparison.Ordinal);     // S: 2,592,000 s / 60
        Assert.Contains("E2 CLM-7", text, StringComparison.Ordinal);
        Assert.Contains("Aanrijding,", text, StringComparison.Ordinal);     // the reason, wrapped in its column
        Assert.Contains("PV-2026-1234", text, StringComparison.Ordinal);
        Assert.Contains("OUTOFORDER -> AVAILABLE", text, StringComparison.Ordinal);
        Assert.Contains("Vingerafdruk invoer: " + report.Fingerprint, text, StringComparison.Ordinal);
        for (var page = 1; page <= pages.Count; page++)
            Assert.Contains($"Vingerafdruk {report.Fingerprint}, pagina {page} van {pages.Count}", pages[page - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void SixtyEvses_SpanSeveralPages_EachWithTheTableHeaders()
    {
        var metric = new UptimeMetric();
        var evses = Enumerable.Range(1, 60).Select(i =>
        {
            var input = Input($"ARN-{i:000}", $"E{i:00}", []);
            return (new AuditEvse(input.Evse, $"NL*ARN*E{i:00}", $"Straat {i}, Arnhem"), metric.Compute(input));
        }).ToList();
        var report = AuditReportBuilder.Build(Header(), evses);

        var pages = PdfPages(AuditPdf.Write(report, Dutch));

        Assert.True(pages.Count >= 4, $"{pages.Count} pages");   // 60 locations and 60 EVSEs, two lines each, about 20 rows a page
        var withEvses = pages.Where(p => p.Contains("NL*ARN*E", StringComparison.Ordinal)).ToList();
        Assert.True(withEvses.Count >= 3, $"{withEvses.Count} pages with EVSE rows");
        Assert.All(withEvses, page => Assert.Contains("Connectoren", page, StringComparison.Ordinal));
        Assert.All(Enumerable.Range(1, 60), i => Assert.Contains($"NL*ARN*E{i:00}", string.Join("\n", pages), StringComparison.Ordinal));
        Assert.Contains($"pagina {pages.Count} van {pages.Count}", pages[^1], StringComparison.Ordinal);
        Assert.Contains("Geen storingen.", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AContractCountingThirdPartyDamage_SaysSo_AndAProvisionalReportIsNotSigned()
    {
        var report = AuditReportBuilder.Build(Header(AuditReportStatus.Provisional) with { ExcludesExogenousDamage = false }, ThreeEvses());

        var text = string.Join("\n", PdfPages(AuditPdf.Write(report, Dutch)));

        Assert.Contains("Schade door derden telt mee.", text, StringComparison.Ordinal);
        Assert.Contains("Status: voorlopig", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ondertekend door", text, StringComparison.Ordinal);
    }
}
