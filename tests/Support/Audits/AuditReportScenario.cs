using System.Text;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using Portal.Domain.Audits;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Contracts;
using Portal.Integration.Audits.Reports;

namespace Portal.Tests.Support.Audits;

/// <summary>
/// November 2026 in Arnhem (no daylight-saving change: 30 days, S = S24 = 30 x 86,400 = 2,592,000 s = 43,200 min),
/// open day and night, the feed confirmed every 10 minutes, every EVSE AVAILABLE since before the month. Three EVSEs:
/// <list type="bullet">
/// <item>ARN-001/E1: no outage.</item>
/// <item>ARN-001/E2: OUTOFORDER 10 Nov 10:00-13:00 UTC, 3 h = 10,800 s = 180 min, not excluded.</item>
/// <item>ARN-002/E3: UNKNOWN 5 Nov 12:00-14:00 UTC (2 h = 7,200 s = 120 min, also disconnected), and OUTOFORDER
/// 20 Nov 08:00 - 21 Nov 08:00 UTC (24 h = 86,400 s = 1,440 min) excluded by claim CLM-7 (E2, police report).</item>
/// </list>
/// </summary>
public static class AuditReportScenario
{
    public const string Zone = "Europe/Amsterdam";
    public const string Fraud = "=HYPERLINK(\"http://x\")";

    public static readonly MeasurementPeriod November = MeasurementPeriod.CalendarMonth(2026, 11, TimeZoneInfo.FindSystemTimeZoneById(Zone));

    /// <summary>A pull every 10 minutes from before the month to its end: the feed is alive throughout.</summary>
    private static readonly DateTimeOffset[] Pulls =
        [.. Enumerable.Range(0, (31 * 24 * 6) + 1).Select(i => November.Start.AddHours(-1).AddMinutes(10 * i))];

    public static DateTimeOffset Utc(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    public static EvseUptimeInput Input(string location, string uid, IReadOnlyList<StatusEvent> outages, IReadOnlyList<ApprovedExclusion>? exclusions = null)
    {
        var since = November.Start.AddHours(-1);
        return new EvseUptimeInput
        {
            Evse = new EvseKey("NL", "ARN", location, uid),
            Period = November,
            Scope = new ContractScope(new DateOnly(2025, 1, 1)),
            Terms = new ContractTerms(),
            TimeZoneId = Zone,
            OpeningTimes = [],
            Events = [new StatusEvent("AVAILABLE", since, since), .. outages],
            FeedConfirmations = Pulls,
            Exclusions = exclusions ?? [],
        };
    }

    private static StatusEvent At(string status, DateTimeOffset at) => new(status, at, at);

    public static IReadOnlyList<(AuditEvse, EvseUptimeResult)> ThreeEvses()
    {
        var metric = new UptimeMetric();
        var e1 = Input("ARN-001", "E1", []);
        var e2 = Input("ARN-001", "E2", [At("OUTOFORDER", Utc(10, 10)), At("AVAILABLE", Utc(10, 13))]);
        var e3 = Input("ARN-002", "E3",
            [At("UNKNOWN", Utc(5, 12)), At("AVAILABLE", Utc(5, 14)), At("OUTOFORDER", Utc(20, 8)), At("AVAILABLE", Utc(21, 8))],
            [new ApprovedExclusion("CLM-7", ExclusionCategory.ThirdPartyDamage, new TimeInterval(Utc(20, 8), Utc(21, 8)), IncidentReference: "PV-2026-1234")]);
        return
        [
            (new AuditEvse(e1.Evse, "NL*ARN*E1", "Velperweg 1, Arnhem", ["1"]), metric.Compute(e1)),
            (new AuditEvse(e2.Evse, "NL*ARN*E2", "Velperweg 1, Arnhem", ["1", "2"]), metric.Compute(e2)),
            (new AuditEvse(e3.Evse, Fraud, "Jansplein 5, Arnhem"), metric.Compute(e3)),
        ];
    }

    public static AuditReportHeader Header(AuditReportStatus status = AuditReportStatus.Signed) => new()
    {
        Municipality = "Arnhem",
        ContractReference = "CON-2025-ARN-DUI-01",
        Lot = "Perceel 2",
        CpoName = "Laadnet BV",
        Kind = AuditReportKind.Monthly,
        PeriodStart = November.Start,
        PeriodEnd = November.End,
        Version = 1,
        Status = status,
        SignedBy = status == AuditReportStatus.Signed ? "J. de Vries" : null,
        SignedAt = status == AuditReportStatus.Signed ? Utc(27, 9) : null,
        AvailabilityThreshold = 0.95m,
        ConnectivityThreshold = 0.98m,
        ComputedAt = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero),
    };

    public static AuditReport Report() =>
        AuditReportBuilder.Build(Header(), ThreeEvses(), new Dictionary<string, string> { ["CLM-7"] = "Aanrijding, proces-verbaal PV-2026-1234" });

    /// <summary>Every string the PDF's pages draw, page by page (the text is WinAnsi-encoded, so it reads as written).</summary>
    public static List<string> PdfPages(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return [.. document.Pages.Cast<PdfSharp.Pdf.PdfPage>().Select(page =>
        {
            var text = new StringBuilder();
            Collect(ContentReader.ReadContent(page), text);
            return text.ToString();
        })];
    }

    private static void Collect(CObject content, StringBuilder text)
    {
        switch (content)
        {
            case CString s:
                text.Append(s.Value).Append('\n');
                break;
            case COperator op:
                foreach (var operand in op.Operands)
                    Collect(operand, text);
                break;
            case CSequence sequence:
                foreach (var item in sequence)
                    Collect(item, text);
                break;
        }
    }
}
