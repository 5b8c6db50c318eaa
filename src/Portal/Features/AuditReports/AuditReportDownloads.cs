using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Audits.Uptime;
using Portal.Integration.Audits.Reports;
using Portal.Resources;

namespace Portal.Features.AuditReports;

/// <summary>The four files of an audit: the PDF, the CSV per EVSE, and the EV-ChART-shaped uptime and outage modules.</summary>
internal enum AuditReportFile
{
    Pdf,
    EvsesCsv,
    EvChartUptimeCsv,
    EvChartOutagesCsv,
}

/// <summary>
/// Sends a built <see cref="AuditReport"/> as one of its files, in the reader's language, as a private download
/// (never cached, never sniffed). The routes belong to the stored audit run, which builds the report and decides who
/// may read it; <see cref="Paths"/> gives the last segment of each route (<c>/beheer/audits/{id}/rapport.pdf</c>).
/// </summary>
internal sealed class AuditReportDownloads(IStringLocalizer<Texts> T)
{
    public static readonly IReadOnlyDictionary<AuditReportFile, string> Paths = new Dictionary<AuditReportFile, string>
    {
        [AuditReportFile.Pdf] = "rapport.pdf",
        [AuditReportFile.EvsesCsv] = "evses.csv",
        [AuditReportFile.EvChartUptimeCsv] = "ev-chart-uptime.csv",
        [AuditReportFile.EvChartOutagesCsv] = "ev-chart-outages.csv",
    };

    public IResult Download(AuditReport report, AuditReportFile file, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (bytes, contentType) = file switch
        {
            AuditReportFile.Pdf => (AuditPdf.Write(report, Texts()), "application/pdf"),
            AuditReportFile.EvsesCsv => (AuditCsv.Evses(report), Csv),
            AuditReportFile.EvChartUptimeCsv => (EvChartCsv.Uptime(report), Csv),
            AuditReportFile.EvChartOutagesCsv => (EvChartCsv.Outages(report), Csv),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
        };
        return PrivateDownload.Of(new MemoryStream(bytes, writable: false), contentType, FileName(report, file), context);
    }

    private const string Csv = "text/csv; charset=utf-8";

    /// <summary>
    /// "audit-{contract}-{period}-v{version}" plus the file's own ending: the period is the month (2026-11) for a monthly
    /// audit, "jaar-" and the first month for a contract year, "12m-" and the last month for a rolling 12 months, in the
    /// report's time zone. Characters other than letters, digits, '-' and '_' in the contract reference become '-'.
    /// </summary>
    public static string FileName(AuditReport report, AuditReportFile file)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = report.Header;
        var zone = LocalTime.Zone(h.TimeZoneId);
        var first = LocalTime.DateOf(h.PeriodStart, zone);
        var last = LocalTime.DateOf(h.PeriodEnd.AddTicks(-1), zone);
        var period = h.Kind switch
        {
            AuditReportKind.Monthly => first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            AuditReportKind.Annual => "jaar-" + first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            AuditReportKind.Rolling12 => "12m-" + last.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(report), h.Kind, null),
        };
        var contract = string.Concat(h.ContractReference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        var name = string.Create(CultureInfo.InvariantCulture, $"audit-{contract}-{period}-v{h.Version}");
        return file switch
        {
            AuditReportFile.Pdf => name + ".pdf",
            AuditReportFile.EvsesCsv => name + "-evses.csv",
            AuditReportFile.EvChartUptimeCsv => name + "-ev-chart-uptime.csv",
            AuditReportFile.EvChartOutagesCsv => name + "-ev-chart-outages.csv",
            _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
        };
    }

    /// <summary>The PDF's words from the portal's resources, in the current culture.</summary>
    public AuditReportTexts Texts()
    {
        string Text(string key) => T["AuditReport." + key];
        string[] Columns(string key) => Text(key).Split('|');
        return new AuditReportTexts
        {
            Culture = CultureInfo.CurrentCulture,
            Title = Text("Title"),
            Municipality = Text("Municipality"),
            Contract = Text("Contract"),
            Lot = Text("Lot"),
            Cpo = Text("Cpo"),
            Kind = Text("Kind"),
            Period = Text("Period"),
            PeriodRange = Text("PeriodRange"),
            Version = Text("Version"),
            Status = Text("Status"),
            SignedBy = Text("SignedBy"),
            MetricVersion = Text("MetricVersion"),
            Thresholds = Text("Thresholds"),
            ThresholdsValue = Text("ThresholdsValue"),
            ComputedAt = Text("ComputedAt"),
            Fingerprint = Text("Fingerprint"),
            KindName = k => Text($"Kind.{k}"),
            StatusName = s => Text($"Status.{s}"),
            VerdictName = v => Text($"Verdict.{v}"),
            MethodHeading = Text("MethodHeading"),
            Method = Text("Method"),
            ExogenousDamageCounted = Text("ExogenousDamageCounted"),
            AggregatesHeading = Text("AggregatesHeading"),
            AggregateColumns = Columns("AggregateColumns"),
            Network = Text("Network"),
            EvsesHeading = Text("EvsesHeading"),
            EvseColumns = Columns("EvseColumns"),
            EvsesEmpty = Text("EvsesEmpty"),
            OutagesHeading = Text("OutagesHeading"),
            OutageColumns = Columns("OutageColumns"),
            OutagesEmpty = Text("OutagesEmpty"),
            Footer = Text("Footer"),
        };
    }
}
