using PdfSharp.Pdf;
using Portal.Integration.Documents;

namespace Portal.Integration.Contracts.Compliance;

/// <summary>
/// The overview as an A4 landscape PDF: the title and facts, then each section as a table with the report's columns,
/// rows wrapped to fit and repeated headers on a new page (<see cref="PdfReportWriter"/>).
/// </summary>
public static class CompliancePdf
{
    private static readonly double[] Widths = [0.14, 0.13, 0.45, 0.28];

    public static byte[] Write(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var pdf = new PdfDocument();
        pdf.Info.Title = report.Title;
        pdf.Info.Creator = "Laadpaalportaal";
        using (var writer = new PdfReportWriter(pdf))
        {
            writer.Title(report.Title);
            foreach (var fact in report.Facts)
                writer.Text(fact);
            foreach (var section in report.Sections)
                writer.Table(section.Heading, report.Headers, section.Lines, section.Empty, Widths);
        }
        PdfReportWriter.StampFooters(pdf, (page, pages) => $"{report.Footer} \u2013 {page}/{pages}");
        return PdfReportWriter.Save(pdf);
    }
}
