using System.Text;
using Portal.Integration.ChargePoints;

namespace Portal.Features.Installations.BulkUpdate;

/// <summary>Why a whole bulk update file was refused.</summary>
internal enum BulkUpdateFileProblem
{
    NotText,
    Empty,
    TooManyRows,
}

/// <summary>A row of the file as read: its line number (the first line is 1) and what it says.</summary>
internal sealed record BulkUpdateFileRow(int Line, BulkUpdateRowResult Parsed);

/// <summary>
/// Reads a bulk update CSV: UTF-8 with or without a byte order mark, separated by semicolons (as Dutch spreadsheets
/// save) or commas (decided by the first line), with or without a header row. Anything that is not UTF-8 text (a
/// spreadsheet saved as .xlsx, a picture renamed .csv) is refused as a whole.
/// </summary>
internal static class BulkUpdateFile
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxRows = 2000;

    public static (IReadOnlyList<BulkUpdateFileRow> Rows, BulkUpdateFileProblem? Problem) Read(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text;
        try
        {
            using var reader = new StreamReader(content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            return ([], BulkUpdateFileProblem.NotText);
        }
        text = text.TrimStart('\uFEFF');
        if (text.Contains('\0', StringComparison.Ordinal))
            return ([], BulkUpdateFileProblem.NotText);
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var separator = firstLine.Contains(';', StringComparison.Ordinal) ? ';' : ',';

        var table = CsvTable.Open(new StringReader(text), separator);
        var rows = new List<BulkUpdateFileRow>();
        if (table.Header.Count > 0 && !(table.Header.Count == 1 && table.Header[0].Trim().Length == 0) && !BulkUpdateRow.IsHeader(table.Header))
            rows.Add(new BulkUpdateFileRow(1, BulkUpdateRow.Parse(table.Header)));
        while (table.Read())
        {
            if (table.Fields.All(string.IsNullOrWhiteSpace))
                continue;
            if (rows.Count == MaxRows)
                return ([], BulkUpdateFileProblem.TooManyRows);
            rows.Add(new BulkUpdateFileRow(table.Line, BulkUpdateRow.Parse(table.Fields)));
        }
        return rows.Count == 0 ? ([], BulkUpdateFileProblem.Empty) : (rows, null);
    }
}
