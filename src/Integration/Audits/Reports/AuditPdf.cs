using System.Globalization;
using PdfSharp.Pdf;
using Portal.Domain.Audits.Uptime;
using Portal.Integration.Documents;

namespace Portal.Integration.Audits.Reports;

/// <summary>
/// The audit as an A4 landscape PDF in the reader's words (<see cref="AuditReportTexts"/>): the header, the method
/// statement, the network and per-location figures, the EVSE table and the outage register over as many pages as
/// they need (headers repeated), and on every page the input fingerprint with "page x of y", so a printed report can be
/// tied to its input. Times are shown in the report's time zone, numbers in the reader's culture.
/// </summary>
public static class AuditPdf
{
    private static readonly double[] AggregateWidths = [0.29, 0.09, 0.13, 0.13, 0.09, 0.09, 0.18];
    private static readonly double[] EvseWidths = [0.14, 0.14, 0.08, 0.07, 0.05, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.10, 0.06];
    private static readonly double[] OutageWidths = [0.16, 0.11, 0.11, 0.07, 0.08, 0.10, 0.19, 0.18];

    public static byte[] Write(AuditReport report, AuditReportTexts texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        var f = new Formatter(texts.Culture, LocalTime.Zone(report.Header.TimeZoneId));
        var h = report.Header;
        var title = $"{texts.Title} {h.ContractReference}";
        using var pdf = new PdfDocument();
        pdf.Info.Title = title;
        pdf.Info.Creator = "Laadpaalportaal";
        using (var writer = new PdfReportWriter(pdf))
        {
            writer.Title(title);
            foreach (var line in HeaderLines(report, texts, f))
                writer.Text(line);

            writer.Heading(texts.MethodHeading);
            writer.Text(string.Format(texts.Culture, texts.Method, h.MetricVersion, f.Percent(h.AvailabilityThreshold), f.Percent(h.ConnectivityThreshold),
                h.ExcludesExogenousDamage ? "" : texts.ExogenousDamageCounted));

            writer.Table(texts.AggregatesHeading, texts.AggregateColumns,
                [Aggregate(report.Network with { Scope = $"{texts.Network}: {report.Network.Scope}" }, f), .. report.Locations.Select(l => Aggregate(l, f))],
                texts.EvsesEmpty, AggregateWidths);
            writer.Table(texts.EvsesHeading, texts.EvseColumns, [.. report.Evses.Select(r => Evse(r, texts, f))], texts.EvsesEmpty, EvseWidths);
            writer.Table(texts.OutagesHeading, texts.OutageColumns, [.. report.Outages.Select(o => Outage(o, f))], texts.OutagesEmpty, OutageWidths);
        }
        PdfReportWriter.StampFooters(pdf, (page, pages) => string.Format(texts.Culture, texts.Footer, report.Fingerprint, page, pages));
        return PdfReportWriter.Save(pdf);
    }

    private static IEnumerable<string> HeaderLines(AuditReport report, AuditReportTexts texts, Formatter f)
    {
        var h = report.Header;
        yield return $"{texts.Municipality}: {h.Municipality}";
        yield return $"{texts.Contract}: {h.ContractReference}" + (string.IsNullOrWhiteSpace(h.Lot) ? "" : $" \u2013 {texts.Lot}: {h.Lot}");
        yield return $"{texts.Cpo}: {h.CpoName}";
        yield return $"{texts.Kind}: {texts.KindName(h.Kind)} \u2013 {texts.Period}: {string.Format(texts.Culture, texts.PeriodRange, f.Day(h.PeriodStart), f.Day(h.PeriodEnd.AddTicks(-1)))}";
        var signed = h.SignedBy is { } by ? $" \u2013 {texts.SignedBy}: {by}" + (h.SignedAt is { } at ? $", {f.Moment(at)}" : "") : "";
        yield return $"{texts.Version}: {h.Version.ToString(texts.Culture)} \u2013 {texts.Status}: {texts.StatusName(h.Status)}{signed}";
        yield return $"{texts.MetricVersion}: {h.MetricVersion} \u2013 {texts.Thresholds}: {string.Format(texts.Culture, texts.ThresholdsValue, f.Percent(h.AvailabilityThreshold), f.Percent(h.ConnectivityThreshold))}";
        yield return $"{texts.ComputedAt}: {f.Moment(h.ComputedAt)}";
        yield return $"{texts.Fingerprint}: {report.Fingerprint}";
    }

    private static string[] Aggregate(AuditAggregateRow row, Formatter f) =>
    [
        row.Address is { } address ? $"{row.Scope}\n{address}" : row.Scope, row.Evses.ToString(f.Culture), f.Percent(row.TimeWeightedAvailability),
        f.Percent(row.ShareMeetingThreshold), f.Percent(row.P5), f.Percent(row.P50), f.Percent(row.TimeWeightedConnectivity),
    ];

    private static string[] Evse(AuditEvseRow row, AuditReportTexts texts, Formatter f)
    {
        var s = row.Seconds;
        return
        [
            Name(row.Evse), row.Evse.Address is { } address ? $"{row.LocationId}\n{address}" : row.LocationId, string.Join(", ", row.Evse.ConnectorIds ?? []),
            f.Minutes(s.S), f.Minutes(s.U), f.Minutes(s.D), f.Minutes(s.X), f.Percent(row.Availability), f.Percent(row.Connectivity), f.Percent(row.NeviUptime),
            f.Percent(row.Coverage), $"{texts.VerdictName(row.AvailabilityVerdict)} / {texts.VerdictName(row.ConnectivityVerdict)}", row.Outages.ToString(f.Culture),
        ];
    }

    private static string[] Outage(AuditOutageRow row, Formatter f) =>
    [
        Name(row.Evse), f.Moment(row.Start), f.Moment(row.End), f.Minutes(row.CountedSeconds), f.Minutes(row.ExcludedSeconds),
        string.Join("\n", row.Exclusions.Select(e => $"{e.CategoryCode} {e.ClaimId}")), string.Join("\n", row.Exclusions.Select(e => e.Reason ?? "")),
        // The arrow is not in the PDF's WinAnsi encoding.
        row.StatusPath.Replace("\u2192", "->", StringComparison.Ordinal),
    ];

    private static string Name(AuditEvse evse) => evse.EvseId is { } id ? $"{id}\n{evse.Key.EvseUid}" : evse.Key.ToString();

    private sealed record Formatter(CultureInfo Culture, TimeZoneInfo Zone)
    {
        public string Percent(decimal? fraction) => UptimeReporting.Percent(fraction) is { } p ? p.ToString("0.00", Culture) + " %" : "\u2013";

        public string Minutes(long seconds) => UptimeReporting.Minutes(seconds).ToString("#,##0.00", Culture);

        public string Day(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("d", Culture);

        public string Moment(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("g", Culture);
    }
}
