using PdfSharp.Fonts;

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
