using System.Globalization;
using System.Text;
using Portal.Domain.TrafficOrders.OrderTexts;

namespace Portal.Integration.TrafficOrders;

/// <summary>The order as one self-contained HTML page (Dutch, no script, no outside resources): the same text as the PDF, for the journal's editor and the municipality's site.</summary>
public static class OrderHtml
{
    public static string Write(OrderDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E(document.Title)).Append("</title>\n")
            .Append("<meta name=\"dcterms.identifier\" content=\"").Append(E(document.Reference)).Append("\">\n")
            .Append("<meta name=\"dcterms.creator\" content=\"Gemeente ").Append(E(document.MunicipalityName)).Append("\">\n")
            .Append("<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}</style>\n")
            .Append("</head>\n<body>\n<article>\n");
        html.Append("<p class=\"kenmerk\">Gemeente ").Append(E(document.MunicipalityName)).Append(", kenmerk ").Append(E(document.Reference)).Append("</p>\n");
        if (document.IsDraftOrder)
            html.Append("<p class=\"ontwerp\"><strong>Ontwerp</strong></p>\n");
        html.Append("<h1>").Append(E(document.Title)).Append("</h1>\n");
        foreach (var section in document.Sections)
        {
            html.Append("<section>\n");
            if (section.Heading is { } heading)
                html.Append("<h2>").Append(E(heading)).Append("</h2>\n");
            foreach (var paragraph in section.Paragraphs)
                html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
            if (section.Bullets.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var bullet in section.Bullets)
                    html.Append("<li>").Append(E(bullet)).Append("</li>\n");
                html.Append("</ul>\n");
            }
            foreach (var paragraph in section.ParagraphsAfter)
                html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
            if (section.ListsLocations)
                Locations(html, document.Locations);
            html.Append("</section>\n");
        }
        html.Append("<p class=\"ondertekening\">");
        html.AppendJoin("<br>\n", document.SignatureLines.Select(E));
        html.Append("</p>\n</article>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Locations(StringBuilder html, IReadOnlyList<OrderDocumentLocation> locations)
    {
        html.Append("<table>\n<caption>Locaties</caption>\n<thead><tr><th scope=\"col\">Nr.</th><th scope=\"col\">Locatie</th><th scope=\"col\">RD x, y</th>")
            .Append("<th scope=\"col\">Parkeerplaatsen</th><th scope=\"col\">Borden</th></tr></thead>\n<tbody>\n");
        foreach (var l in locations)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{l.Number}</td><td>{E(l.Place)}</td><td>{l.RdX:0}, {l.RdY:0}</td><td>{l.Bays}</td><td>{E(l.SignDescription)}</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>Escapes the five characters HTML gives meaning; the rest stays as written (UTF-8).</summary>
    private static string E(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
