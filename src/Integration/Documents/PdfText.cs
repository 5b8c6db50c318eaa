using PdfSharp.Drawing;

namespace Portal.Integration.Documents;

/// <summary>Text laid out for the portal's PDFs.</summary>
internal static class PdfText
{
    /// <summary>The lines <paramref name="text"/> takes at <paramref name="width"/> points, broken between words; a word wider than the line stands alone.</summary>
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        lines.Add(current);
        return lines;
    }
}
