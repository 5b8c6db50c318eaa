using System.Text;

namespace Portal.Integration.ChargePoints;

/// <summary>
/// Reads RFC 4180 CSV (comma-separated, or another separator such as the semicolon of Dutch spreadsheets;
/// double-quoted fields with "" escapes, fields may span lines) row by row, with the first row as the header.
/// Columns are found by name, or by position through <see cref="Header"/> and <see cref="Fields"/>.
/// </summary>
public sealed class CsvTable
{
    private readonly TextReader _reader;
    private readonly Dictionary<string, int> _columns;
    private readonly char _separator;
    private List<string> _fields = [];
    private int _nextLine = 2;

    private CsvTable(TextReader reader, Dictionary<string, int> columns, IReadOnlyList<string> header, char separator)
    {
        _reader = reader;
        _columns = columns;
        _separator = separator;
        Header = header;
    }

    /// <summary>The first row's fields as read (a byte order mark removed).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The current row's fields in file order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The 1-based line number where the current row starts (the header is line 1).</summary>
    public int Line { get; private set; } = 1;

    public static CsvTable Open(TextReader reader, char separator = ',')
    {
        var header = ReadRecord(reader, separator, out _) ?? [];
        if (header.Count > 0)
            header[0] = header[0].TrimStart('\uFEFF');
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
            columns.TryAdd(header[i].Trim(), i);
        return new CsvTable(reader, columns, header, separator);
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public bool Read()
    {
        while (true)
        {
            Line = _nextLine;
            var record = ReadRecord(_reader, _separator, out var linesRead);
            _nextLine += linesRead;
            if (record is null)
                return false;
            if (record.Count == 1 && record[0].Length == 0)
                continue;
            _fields = record;
            return true;
        }
    }

    /// <summary>The field in the named column of the current row, or "" when the row is short or the column is unknown.</summary>
    public string this[string column] =>
        _columns.TryGetValue(column, out var index) && index < _fields.Count ? _fields[index] : "";

    private static List<string>? ReadRecord(TextReader reader, char separator, out int linesRead)
    {
        linesRead = 0;
        var first = reader.Peek();
        if (first < 0)
            return null;

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                fields.Add(field.ToString());
                linesRead++;
                return fields;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                        linesRead++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case var c2 when c2 == separator:
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    linesRead++;
                    return fields;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }
}
