using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Integration.Documents;

/// <summary>
/// Lays out the portal's tabular reports on A4 landscape pages: a title, paragraphs, and tables whose rows wrap to fit
/// and whose column headers repeat at the top of each new page. Text is WinAnsi-encoded in DejaVu Sans
/// (<see cref="PdfFonts"/>); <see cref="StampFooters"/> adds a footer line per page once the page count is known.
/// </summary>
internal sealed class PdfReportWriter : IDisposable
{
    public const double PageWidth = 841.89;    // A4 landscape in points
    public const double PageHeight = 595.28;
    public const double Margin = 42.5;         // 1.5 cm
    public const double TextWidth = PageWidth - (2 * Margin);
    private const double Bottom = PageHeight - Margin - 16;

    private static readonly XPdfFontOptions WinAnsi = new(PdfFontEncoding.WinAnsi);

    private readonly PdfDocument _pdf;
    private readonly XFont _title = Font(15, XFontStyleEx.Bold);
    private readonly XFont _heading = Font(11.5, XFontStyleEx.Bold);
    private readonly XFont _body = Font(9.5, XFontStyleEx.Regular);
    private readonly XFont _small = Font(8, XFontStyleEx.Regular);
    private readonly XFont _smallBold = Font(8, XFontStyleEx.Bold);
    private readonly XPen _rule = new(XColor.FromArgb(0xB0, 0xB0, 0xB0), 0.4);
    private XGraphics? _gfx;
    private double _y;

    public PdfReportWriter(PdfDocument pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        _pdf = pdf;
    }

    private XGraphics Gfx => _gfx ?? NewPage();

    public void Title(string text) => Line(text, _title, 8);

    public void Heading(string text) => Heading(text, 40);

    /// <summary>A heading with room below it for <paramref name="following"/> points, so it never ends a page alone.</summary>
    private void Heading(string text, double following)
    {
        _y += 8;
        Space(_heading.Size + 8 + following);
        Line(text, _heading, 4);
    }

    /// <summary>A paragraph in body text; each '\n' starts a new line.</summary>
    public void Text(string text)
    {
        foreach (var line in Wrap(text, _body, TextWidth))
            Line(line, _body, 0);
        _y += 2;
    }

    /// <summary>
    /// A table under <paramref name="heading"/>; <paramref name="widths"/> are fractions of the text width (equal columns
    /// when null). Without rows, <paramref name="empty"/> is said instead.
    /// </summary>
    public void Table(string heading, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, string empty, IReadOnlyList<double>? widths = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            Heading(heading);
            Text(empty);
            return;
        }
        var columns = widths is { } w && w.Count == headers.Count
            ? w.Select(f => f * TextWidth).ToArray()
            : Enumerable.Repeat(TextWidth / Math.Max(1, headers.Count), headers.Count).ToArray();
        Heading(heading, Height(headers, _smallBold, columns) + Height(rows[0], _small, columns));
        Row(headers, _smallBold, columns);
        foreach (var cells in rows)
        {
            if (_y + Height(cells, _small, columns) > Bottom)
            {
                NewPage();
                Row(headers, _smallBold, columns);
            }
            Row(cells, _small, columns);
        }
    }

    /// <summary>Writes <paramref name="footer"/>(page, pages) at the bottom right of every page of <paramref name="pdf"/>.</summary>
    public static void StampFooters(PdfDocument pdf, Func<int, int, string> footer)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(footer);
        var font = Font(8, XFontStyleEx.Regular);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            gfx.DrawString(footer(i + 1, pdf.PageCount), font, XBrushes.Black, new XRect(Margin, PageHeight - Margin, TextWidth, 12), XStringFormats.TopRight);
        }
    }

    /// <summary>The document as bytes.</summary>
    public static byte[] Save(PdfDocument pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>A font of the one family; the resolver must be registered before the first XFont is made.</summary>
    private static XFont Font(double size, XFontStyleEx style)
    {
        PdfFonts.EnsureRegistered();
        return new XFont(PdfFonts.Family, size, style, WinAnsi);
    }

    private double Height(IReadOnlyList<string> cells, XFont font, double[] widths) =>
        (cells.Take(widths.Length).Select((c, i) => Wrap(c, font, widths[i] - 4).Count).DefaultIfEmpty(1).Max() * 10) + 4;

    private void Row(IReadOnlyList<string> cells, XFont font, double[] widths)
    {
        var x = Margin;
        var height = Height(cells, font, widths);
        for (var i = 0; i < cells.Count && i < widths.Length; i++)
        {
            var lines = Wrap(cells[i], font, widths[i] - 4);
            for (var line = 0; line < lines.Count; line++)
                Gfx.DrawString(lines[line], font, XBrushes.Black, new XRect(x + 2, _y + 2 + (line * 10), widths[i] - 4, 10), XStringFormats.TopLeft);
            x += widths[i];
        }
        _y += height;
        Gfx.DrawLine(_rule, Margin, _y, Margin + TextWidth, _y);
    }

    private void Line(string text, XFont font, double after)
    {
        Space(font.Size + 4);
        Gfx.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, TextWidth, font.Size + 4), XStringFormats.TopLeft);
        _y += font.Size + 4 + after;
    }

    private void Space(double height)
    {
        if (_gfx is null || _y + height > Bottom)
            NewPage();
    }

    private XGraphics NewPage()
    {
        _gfx?.Dispose();
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
        return _gfx;
    }

    /// <summary>Each paragraph of <paramref name="text"/> wrapped on its own.</summary>
    private List<string> Wrap(string text, XFont font, double width) =>
        [.. text.Split('\n').SelectMany(paragraph => PdfText.Wrap(Gfx, paragraph, font, width))];

    public void Dispose() => _gfx?.Dispose();
}
