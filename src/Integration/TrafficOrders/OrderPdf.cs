using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Integration.Documents;

namespace Portal.Integration.TrafficOrders;

/// <summary>
/// The order as a PDF for the official journal: A4, the text with its locations as a table, and a last
/// page with a map of the locations drawn from their RD coordinates (numbered as in the table, with a
/// scale bar and a north arrow; no map tiles, so nothing is fetched and nothing depends on a service).
/// Text is written WinAnsi-encoded, so the words stay readable in the file's content streams.
/// </summary>
public static class OrderPdf
{
    private const double PageWidth = 595.28;    // A4 in points
    private const double PageHeight = 841.89;
    private const double Margin = 56.7;         // 2 cm
    private const double TextWidth = PageWidth - (2 * Margin);
    private const double Bottom = PageHeight - Margin - 18;   // room for the footer

    private static readonly XPdfFontOptions WinAnsi = new(PdfFontEncoding.WinAnsi);
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    private static readonly XColor Accent = XColor.FromArgb(0x15, 0x4F, 0x9E);
    private static readonly XColor Rule = XColor.FromArgb(0xB0, 0xB0, 0xB0);

    /// <summary>The PDF of <paramref name="document"/>.</summary>
    public static byte[] Write(OrderDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfFonts.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = $"{document.Reference}, {document.MunicipalityName}";
        pdf.Info.Author = $"Gemeente {document.MunicipalityName}";
        pdf.Info.Creator = "Laadpaalportaal";
        pdf.PageLayout = PdfPageLayout.SinglePage;

        using (var writer = new PageWriter(pdf))
        {
            writer.Text(document);
            writer.Map(document.Locations);
        }
        Footers(pdf, document.Reference);

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Footers(PdfDocument pdf, string reference)
    {
        var font = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular, WinAnsi);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{reference} \u2013 pagina {i + 1} van {pdf.PageCount}");
            gfx.DrawString(text, font, new XSolidBrush(Ink), new XRect(Margin, PageHeight - Margin, TextWidth, 12), XStringFormats.TopRight);
        }
    }

    /// <summary>Writes top to bottom, starting a new page when the next block does not fit.</summary>
    private sealed class PageWriter(PdfDocument pdf) : IDisposable
    {
        private readonly XFont _body = new(PdfFonts.Family, 10, XFontStyleEx.Regular, WinAnsi);
        private readonly XFont _bold = new(PdfFonts.Family, 10, XFontStyleEx.Bold, WinAnsi);
        private readonly XFont _small = new(PdfFonts.Family, 8, XFontStyleEx.Regular, WinAnsi);
        private readonly XFont _smallBold = new(PdfFonts.Family, 8, XFontStyleEx.Bold, WinAnsi);
        private readonly XFont _heading = new(PdfFonts.Family, 11.5, XFontStyleEx.Bold, WinAnsi);
        private readonly XFont _title = new(PdfFonts.Family, 16, XFontStyleEx.Bold, WinAnsi);
        private readonly XSolidBrush _ink = new(Ink);
        private XGraphics? _gfx;
        private double _y;

        private XGraphics Gfx => _gfx ?? NewPage();

        public void Text(OrderDocument document)
        {
            NewPage();
            Line($"Gemeente {document.MunicipalityName}", _small, _ink);
            Gfx.DrawString($"Kenmerk {document.Reference}", _small, _ink, new XRect(Margin, _y - 11, TextWidth, 11), XStringFormats.TopRight);
            _y += 14;
            if (document.IsDraftOrder)
                Line("ONTWERP", _bold, new XSolidBrush(Accent));
            Paragraph(document.Title, _title, 20);
            _y += 8;
            foreach (var section in document.Sections)
            {
                if (section.Heading is { } heading)
                {
                    Space(40);
                    _y += 6;
                    Line(heading, _heading, _ink);
                    _y += 2;
                }
                foreach (var paragraph in section.Paragraphs)
                    Paragraph(paragraph, _body, 13.5);
                foreach (var bullet in section.Bullets)
                    Bullet(bullet);
                foreach (var paragraph in section.ParagraphsAfter)
                    Paragraph(paragraph, _body, 13.5);
                if (section.ListsLocations)
                    Locations(document.Locations);
            }
            _y += 10;
            foreach (var line in document.SignatureLines)
            {
                if (line.Length == 0)
                    _y += 8;
                else
                    Paragraph(line, _body, 13.5, after: 0);
            }
        }

        public void Map(IReadOnlyList<OrderDocumentLocation> locations)
        {
            if (locations.Count == 0)
                return;
            NewPage();
            Line("Bijlage: kaart van de locaties", _heading, _ink);
            _y += 4;
            Paragraph("De nummers verwijzen naar de lijst van locaties in het besluit. Coördinaten in het Rijksdriehoekstelsel (RD New, EPSG:28992), in meters.", _small, 10.5);
            _y += 4;
            LocationMap.Draw(Gfx, new XRect(Margin, _y, TextWidth, Math.Min(TextWidth, Bottom - _y - 10)), locations, _small, _smallBold);
        }

        private void Locations(IReadOnlyList<OrderDocumentLocation> locations)
        {
            // Nr. | Locatie | RD x, y | Pp. | Borden
            double[] widths = [26, 150, 78, 24, TextWidth - 278];
            string[] headers = ["Nr.", "Locatie", "RD x, y", "Pp.", "Borden"];
            _y += 4;
            Space(30);
            Row(headers, widths, _smallBold);
            foreach (var location in locations)
            {
                string[] cells =
                [
                    location.Number.ToString(CultureInfo.InvariantCulture),
                    location.Place,
                    string.Create(CultureInfo.InvariantCulture, $"{location.RdX:0}, {location.RdY:0}"),
                    location.Bays.ToString(CultureInfo.InvariantCulture),
                    location.SignDescription,
                ];
                var height = cells.Select((c, i) => Wrap(c, _small, widths[i] - 4).Count).Max() * 10 + 4;
                if (_y + height > Bottom)
                {
                    NewPage();
                    Row(headers, widths, _smallBold);
                }
                Row(cells, widths, _small);
            }
            _y += 8;
        }

        private void Row(IReadOnlyList<string> cells, double[] widths, XFont font)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 4)).ToList();
            var height = (wrapped.Max(w => w.Count) * 10) + 4;
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                for (var line = 0; line < wrapped[i].Count; line++)
                    Gfx.DrawString(wrapped[i][line], font, _ink, new XRect(x + 2, _y + 2 + (line * 10), widths[i] - 4, 10), XStringFormats.TopLeft);
                x += widths[i];
            }
            _y += height;
            Gfx.DrawLine(new XPen(Rule, 0.4), Margin, _y, Margin + TextWidth, _y);
        }

        private void Bullet(string text)
        {
            var lines = Wrap(text, _body, TextWidth - 14);
            Space(lines.Count * 13.5);
            Gfx.DrawString("\u2013", _body, _ink, new XRect(Margin + 2, _y, 10, 13.5), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                Gfx.DrawString(line, _body, _ink, new XRect(Margin + 14, _y, TextWidth - 14, 13.5), XStringFormats.TopLeft);
                _y += 13.5;
            }
            _y += 2;
        }

        private void Paragraph(string text, XFont font, double leading, double after = 6)
        {
            foreach (var line in Wrap(text, font, TextWidth))
            {
                Space(leading);
                Gfx.DrawString(line, font, _ink, new XRect(Margin, _y, TextWidth, leading), XStringFormats.TopLeft);
                _y += leading;
            }
            _y += after;
        }

        private void Line(string text, XFont font, XBrush brush)
        {
            Space(font.Size + 4);
            Gfx.DrawString(text, font, brush, new XRect(Margin, _y, TextWidth, font.Size + 4), XStringFormats.TopLeft);
            _y += font.Size + 4;
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
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            return _gfx;
        }

        private List<string> Wrap(string text, XFont font, double width) => PdfText.Wrap(Gfx, text, font, width);

        public void Dispose() => _gfx?.Dispose();
    }
}
