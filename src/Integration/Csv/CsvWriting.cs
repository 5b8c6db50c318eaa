using System.Text;

namespace Portal.Integration.Csv;

/// <summary>
/// CSV that spreadsheets open safely: a cell that could be read as a formula (=, +, -, @, tab, carriage return) gets a
/// leading apostrophe, a cell holding the separator, a quote or a line break is quoted; lines end in CRLF.
/// </summary>
public static class CsvWriting
{
    public static string Cell(string value, char separator)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static void Line(StringBuilder csv, IEnumerable<string> cells, char separator)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.Append(string.Join(separator, cells.Select(c => Cell(c, separator)))).Append("\r\n");
    }
}
