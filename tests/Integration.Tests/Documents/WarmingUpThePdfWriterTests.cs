using System.Text;
using Portal.Integration.Documents;

namespace Portal.Integration.Tests.Documents;

public sealed class WarmingUpThePdfWriterTests
{
    [Fact]
    public void TheThrowAwayPdf_IsARealPdf_InBothFaces()
    {
        var pdf = PdfFonts.WarmUp();

        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Equal(DocumentFileType.Pdf, FileSignature.Detect(pdf));
        // Both faces are embedded as subsets ("/BaseFont/ABCDEF+DejaVu#20Sans" and "...+DejaVu#20Sans,Bold"), so parsing them is behind us.
        Assert.Matches(@"/BaseFont/[A-Z]{6}\+DejaVu#20Sans[/>\s]", text);
        Assert.Matches(@"/BaseFont/[A-Z]{6}\+DejaVu#20Sans,Bold", text);
    }
}
