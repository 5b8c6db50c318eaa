using System.Globalization;
using System.Text;
using Portal.Domain.Audits.Uptime;
using Portal.Integration.Csv;

namespace Portal.Integration.Audits.Reports;

/// <summary>
/// The number and time forms of the audit CSVs, for machines: invariant decimal point, minutes and percentages with two
/// decimals as the metric reports them (<see cref="UptimeReporting"/>), instants in UTC ISO 8601. Semicolon-separated,
/// UTF-8 with a byte order mark, cells defused by <see cref="CsvWriting"/>.
/// </summary>
internal static class AuditCsvFormat
{
    public const char Separator = ';';

    public static string Minutes(long seconds) => UptimeReporting.Minutes(seconds).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal? fraction) => UptimeReporting.Percent(fraction)?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static byte[] Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        CsvWriting.Line(csv, header, Separator);
        foreach (var row in rows)
            CsvWriting.Line(csv, row, Separator);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
