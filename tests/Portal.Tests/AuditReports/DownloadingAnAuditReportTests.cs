using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.AuditReports;
using Portal.Integration.Audits.Reports;
using Portal.Tests.Infrastructure;
using Portal.Tests.Support.Audits;

namespace Portal.Tests.AuditReports;

public sealed class DownloadingAnAuditReportTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private sealed record Download(int Status, string? ContentType, string? Disposition, string? CacheControl, string? NoSniff, byte[] Body);

    /// <summary>Runs the download as the portal would answer it, in <paramref name="culture"/>.</summary>
    private async Task<Download> DownloadAsync(AuditReport report, AuditReportFile file, string culture = "nl-NL")
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        context.Response.Body = body;
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            await scope.ServiceProvider.GetRequiredService<AuditReportDownloads>().Download(report, file, context).ExecuteAsync(context);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
        }
        var headers = context.Response.Headers;
        return new Download(context.Response.StatusCode, context.Response.ContentType, headers.ContentDisposition, headers.CacheControl, headers.XContentTypeOptions, body.ToArray());
    }

    [Fact]
    public async Task ThePdf_IsAPrivateDownload_InDutch_NamedAfterContractPeriodAndVersion()
    {
        var report = AuditReportScenario.Report();

        var pdf = await DownloadAsync(report, AuditReportFile.Pdf);

        Assert.Equal((200, "application/pdf", "private, no-store", "nosniff"), (pdf.Status, pdf.ContentType, pdf.CacheControl, pdf.NoSniff));
        Assert.Contains("filename=audit-CON-2025-ARN-DUI-01-2026-11-v1.pdf", pdf.Disposition, StringComparison.Ordinal);
        var pages = AuditReportScenario.PdfPages(pdf.Body);
        var text = string.Join("\n", pages);
        Assert.Contains("Auditrapport beschikbaarheid en connectiviteit CON-2025-ARN-DUI-01", text, StringComparison.Ordinal);
        Assert.Contains("Normen: beschikbaarheid ten minste 95,00 %, connectiviteit ten minste 98,00 %", text, StringComparison.Ordinal);
        Assert.Contains("voldoet / voldoet", text, StringComparison.Ordinal);
        Assert.Contains("99,72 %", text, StringComparison.Ordinal);    // E3: (2,592,000 - 7,200) / 2,592,000
        Assert.Contains($"Vingerafdruk invoer {report.Fingerprint}", pages[^1], StringComparison.Ordinal);
        Assert.Contains($"pagina {pages.Count} van {pages.Count}", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnglishReader_GetsTheReportInEnglish()
    {
        var pdf = await DownloadAsync(AuditReportScenario.Report(), AuditReportFile.Pdf, "en");

        var pages = AuditReportScenario.PdfPages(pdf.Body);
        var text = string.Join("\n", pages);
        Assert.Contains("Availability and connectivity audit report", text, StringComparison.Ordinal);
        Assert.Contains("pass / pass", text, StringComparison.Ordinal);
        Assert.Contains("99.72 %", text, StringComparison.Ordinal);
        Assert.Contains($"page 1 of {pages.Count}", pages[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(AuditReportFile.EvsesCsv), "audit-CON-2025-ARN-DUI-01-2026-11-v1-evses.csv", "evse;evse_id;")]
    [InlineData(nameof(AuditReportFile.EvChartUptimeCsv), "audit-CON-2025-ARN-DUI-01-2026-11-v1-ev-chart-uptime.csv", "station_id;port_id;network_provider;uptime_reporting_start;")]
    [InlineData(nameof(AuditReportFile.EvChartOutagesCsv), "audit-CON-2025-ARN-DUI-01-2026-11-v1-ev-chart-outages.csv", "station_id;port_id;network_provider;outage_id;")]
    public async Task EachCsv_IsAPrivateUtf8Download_WithItsOwnName(string file, string name, string header)
    {
        var csv = await DownloadAsync(AuditReportScenario.Report(), Enum.Parse<AuditReportFile>(file));

        Assert.Equal((200, "text/csv; charset=utf-8", "private, no-store"), (csv.Status, csv.ContentType, csv.CacheControl));
        Assert.Contains($"filename={name}", csv.Disposition, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFF" + header, System.Text.Encoding.UTF8.GetString(csv.Body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AuditReportKind.Annual, 2026, 1, 2027, 1, "audit-CON-2025-ARN-DUI-01-jaar-2026-01-v2.pdf")]      // contract year January 2026 - January 2027
    [InlineData(AuditReportKind.Rolling12, 2025, 12, 2026, 12, "audit-CON-2025-ARN-DUI-01-12m-2026-11-v2.pdf")]  // 12 months ending with November 2026
    public void TheFileName_SaysWhichYear(AuditReportKind kind, int fromYear, int fromMonth, int toYear, int toMonth, string expected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var header = AuditReportScenario.Header() with
        {
            Kind = kind,
            Version = 2,
            PeriodStart = Portal.Domain.Audits.Uptime.LocalTime.StartOfDay(new DateOnly(fromYear, fromMonth, 1), zone),
            PeriodEnd = Portal.Domain.Audits.Uptime.LocalTime.StartOfDay(new DateOnly(toYear, toMonth, 1), zone),
        };

        Assert.Equal(expected, AuditReportDownloads.FileName(AuditReportBuilder.Build(header, []), AuditReportFile.Pdf));
    }

    [Fact]
    public void AContractReferenceWithOddCharacters_GivesASafeFileName()
    {
        var report = AuditReportBuilder.Build(AuditReportScenario.Header() with { ContractReference = "CON/2025 ARN\"..\\x" }, []);

        Assert.Equal("audit-CON-2025-ARN----x-2026-11-v1-evses.csv", AuditReportDownloads.FileName(report, AuditReportFile.EvsesCsv));   // '/', ' ', '"', '.', '.', '\' each become '-'
    }
}
