using System.Text;
using Portal.Integration.Csv;

namespace Portal.Integration.Contracts.Compliance;

/// <summary>
/// The overview as one CSV table (RFC 4180, comma-separated, UTF-8 with a byte order mark so spreadsheets read the
/// accents): a first column with the section, then the report's columns. Cells that start like a formula are prefixed
/// with an apostrophe, so a spreadsheet shows them instead of running them.
/// </summary>
public static class ComplianceCsv
{
    public static byte[] Write(ComplianceReport report, string sectionHeader)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Row(text, [sectionHeader, .. report.Headers]);
        foreach (var section in report.Sections)
        {
            foreach (var line in section.Lines)
                Row(text, [section.Heading, .. line]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Row(StringBuilder text, IReadOnlyList<string> cells) => CsvWriting.Line(text, cells, ',');
}
