using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Portal.Integration.Documents;

/// <summary>
/// The one font PDFsharp uses for the portal's documents: DejaVu Sans (regular and bold, free licence in
/// Fonts/LICENSE-DejaVu.txt), shipped inside this assembly so a PDF looks the same on every server and
/// needs no system fonts. PDFsharp takes one font resolver per process; call <see cref="EnsureRegistered"/>
/// before creating any XFont.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private static readonly Lock Registering = new();
    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));

    private PdfFonts() { }

    public static void EnsureRegistered()
    {
        lock (Registering)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
                GlobalFontSettings.FontResolver = new PdfFonts();
        }
    }

    /// <summary>
    /// Writes a one-page PDF in both faces and throws it away. The first PDF of a process pays for parsing the
    /// fonts and for jitting PDFsharp (about two seconds on a busy 2-core machine, see docs/PERFORMANCE.md);
    /// done once at start-up, an officer's first download does not.
    /// </summary>
    public static byte[] WarmUp()
    {
        EnsureRegistered();
        var options = new XPdfFontOptions(PdfFontEncoding.WinAnsi);
        using var pdf = new PdfDocument();
        using (var gfx = XGraphics.FromPdfPage(pdf.AddPage()))
        {
            var regular = new XFont(Family, 10, XFontStyleEx.Regular, options);
            var bold = new XFont(Family, 10, XFontStyleEx.Bold, options);
            var measured = gfx.MeasureString("Verkeersbesluit laadplaatsen", regular).Width + gfx.MeasureString("Besluit", bold).Width;
            gfx.DrawString("Verkeersbesluit laadplaatsen", regular, XBrushes.Black, new XRect(50, 50, 400, 12), XStringFormats.TopLeft);
            gfx.DrawString("Besluit", bold, XBrushes.Black, new XRect(50, 70, 400, 12), XStringFormats.TopLeft);
            gfx.DrawLine(XPens.Gray, 50, 90, 50 + measured, 90);
            gfx.DrawEllipse(XBrushes.Black, 60, 100, 4, 4);
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family asked for is DejaVu Sans; italic is simulated by PDFsharp.
        new(bold ? BoldFace : RegularFace, false, italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        BoldFace => Bold.Value,
        _ => Regular.Value,
    };

    private static byte[] Load(string face)
    {
        var assembly = typeof(PdfFonts).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".{face}.ttf", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Font {face} is missing from {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
