using System.Globalization;
using Portal.Domain.Audits.Uptime;

namespace Portal.Integration.Audits.Reports;

/// <summary>
/// The words of the audit PDF in the reader's language, given by the caller (the portal takes them from its resources).
/// <see cref="Method"/> is a format with {0} the metric version, {1} and {2} the availability and connectivity thresholds,
/// {3} <see cref="ExogenousDamageCounted"/> when the contract counts third-party damage (empty otherwise).
/// <see cref="Footer"/> takes {0} the fingerprint, {1} the page and {2} the number of pages; <see cref="PeriodRange"/>
/// the first and the last day. The column lists are in the order of <see cref="AuditPdf"/>'s tables.
/// </summary>
public sealed record AuditReportTexts
{
    public required CultureInfo Culture { get; init; }
    public required string Title { get; init; }
    public required string Municipality { get; init; }
    public required string Contract { get; init; }
    public required string Lot { get; init; }
    public required string Cpo { get; init; }
    public required string Kind { get; init; }
    public required string Period { get; init; }
    public required string PeriodRange { get; init; }
    public required string Version { get; init; }
    public required string Status { get; init; }
    public required string SignedBy { get; init; }
    public required string MetricVersion { get; init; }
    public required string Thresholds { get; init; }
    public required string ThresholdsValue { get; init; }
    public required string ComputedAt { get; init; }
    public required string Fingerprint { get; init; }
    public required Func<AuditReportKind, string> KindName { get; init; }
    public required Func<AuditReportStatus, string> StatusName { get; init; }
    public required Func<UptimeVerdict, string> VerdictName { get; init; }
    public required string MethodHeading { get; init; }
    public required string Method { get; init; }
    public required string ExogenousDamageCounted { get; init; }
    public required string AggregatesHeading { get; init; }
    public required IReadOnlyList<string> AggregateColumns { get; init; }
    public required string Network { get; init; }
    public required string EvsesHeading { get; init; }
    public required IReadOnlyList<string> EvseColumns { get; init; }
    public required string EvsesEmpty { get; init; }
    public required string OutagesHeading { get; init; }
    public required IReadOnlyList<string> OutageColumns { get; init; }
    public required string OutagesEmpty { get; init; }
    public required string Footer { get; init; }
}
