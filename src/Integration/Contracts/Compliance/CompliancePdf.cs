using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Integration.Documents;

namespace Portal.Integration.Contracts.Compliance;

/// <summary>
/// The overview as an A4 landscape PDF: the title and facts, then each section as a table with the report's columns,
/// rows wrapped to fit and repeated headers on a new page. Text is WinAnsi-encoded in DejaVu Sans (<see cref="PdfFonts"/>).
/// </summary>
public static class CompliancePdf
{
    private const double PageWidth = 841.89;    // A4 landscape in points
    private const double PageHeight = 595.28;
    private const double Margin = 42.5;         // 1.5 cm
    private const double TextWidth = PageWidth - (2 * Margin);
    private const double Bottom = PageHeight - Margin - 16;

    private static readonly XPdfFontOptions WinAnsi = new(PdfFontEncoding.WinAnsi);
    private static readonly double[] Widths = [0.14, 0.13, 0.45, 0.28];

    public static byte[] Write(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        PdfFonts.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Info.Title = report.Title;
        pdf.Info.Creator = "Laadpaalportaal";
        using (var writer = new Writer(pdf, report.Headers.Count))
        {
            writer.Title(report.Title);
            foreach (var fact in report.Facts)
                writer.Text(fact);
            foreach (var section in report.Sections)
                writer.Table(section, report.Headers);
        }
        var font = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular, WinAnsi);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            gfx.DrawString($"{report.Footer} \u2013 {i + 1}/{pdf.PageCount}", font, XBrushes.Black, new XRect(Margin, PageHeight - Margin, TextWidth, 12), XStringFormats.TopRight);
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class Writer(PdfDocument pdf, int columns) : IDisposable
    {
        private readonly XFont _title = new(PdfFonts.Family, 15, XFontStyleEx.Bold, WinAnsi);
        private readonly XFont _heading = new(PdfFonts.Family, 11.5, XFontStyleEx.Bold, WinAnsi);
        private readonly XFont _body = new(PdfFonts.Family, 9.5, XFontStyleEx.Regular, WinAnsi);
        private readonly XFont _small = new(PdfFonts.Family, 8, XFontStyleEx.Regular, WinAnsi);
        private readonly XFont _smallBold = new(PdfFonts.Family, 8, XFontStyleEx.Bold, WinAnsi);
        private readonly XPen _rule = new(XColor.FromArgb(0xB0, 0xB0, 0xB0), 0.4);
        private readonly double[] _widths = columns == Widths.Length
            ? Widths.Select(w => w * TextWidth).ToArray()
            : Enumerable.Repeat(TextWidth / Math.Max(1, columns), columns).ToArray();
        private XGraphics? _gfx;
        private double _y;

        private XGraphics Gfx => _gfx ?? NewPage();

        public void Title(string text) => Line(text, _title, 8);

        public void Text(string text)
        {
            foreach (var line in Wrap(text, _body, TextWidth))
                Line(line, _body, 0);
            _y += 2;
        }

        public void Table(ComplianceSection section, IReadOnlyList<string> headers)
        {
            _y += 8;
            Space(40);
            Line(section.Heading, _heading, 4);
            if (section.Lines.Count == 0)
            {
                Text(section.Empty);
                return;
            }
            Row(headers, _smallBold);
            foreach (var cells in section.Lines)
            {
                var height = Height(cells, _small);
                if (_y + height > Bottom)
                {
                    NewPage();
                    Row(headers, _smallBold);
                }
                Row(cells, _small);
            }
        }

        private double Height(IReadOnlyList<string> cells, XFont font) =>
            (cells.Select((c, i) => Wrap(c, font, _widths[i] - 4).Count).Max() * 10) + 4;

        private void Row(IReadOnlyList<string> cells, XFont font)
        {
            var x = Margin;
            var height = Height(cells, font);
            for (var i = 0; i < cells.Count && i < _widths.Length; i++)
            {
                var lines = Wrap(cells[i], font, _widths[i] - 4);
                for (var line = 0; line < lines.Count; line++)
                    Gfx.DrawString(lines[line], font, XBrushes.Black, new XRect(x + 2, _y + 2 + (line * 10), _widths[i] - 4, 10), XStringFormats.TopLeft);
                x += _widths[i];
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
            var page = pdf.AddPage();
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
}
