using System.Text;
using Portal.Integration.Csv;

namespace Portal.Integration.Tests.Csv;

public sealed class WritingCsvTests
{
    [Theory]
    [InlineData("Arnhem", ';', "Arnhem")]
    [InlineData("=SUM(A1)", ';', "'=SUM(A1)")]           // a formula is shown, not run
    [InlineData("-3", ';', "'-3")]
    [InlineData("@cmd", ';', "'@cmd")]
    [InlineData("a;b", ';', "\"a;b\"")]                  // the separator: quoted
    [InlineData("a;b", ',', "a;b")]                      // not this file's separator: as it is
    [InlineData("a,b", ',', "\"a,b\"")]
    [InlineData("zegt \"ja\"", ';', "\"zegt \"\"ja\"\"\"")]   // quotes doubled inside quotes
    [InlineData("regel\nregel", ';', "\"regel\nregel\"")]
    [InlineData("=a;b", ';', "\"'=a;b\"")]               // defused first, then quoted
    [InlineData("", ';', "")]
    public void ACell_IsDefusedAndQuoted_WhereItMustBe(string value, char separator, string expected) =>
        Assert.Equal(expected, CsvWriting.Cell(value, separator));

    [Fact]
    public void ALine_JoinsItsCells_AndEndsInCrLf()
    {
        var csv = new StringBuilder();

        CsvWriting.Line(csv, ["IN-2026-0001", "+31 6", "Laadpaal; geplaatst"], ';');

        Assert.Equal("IN-2026-0001;'+31 6;\"Laadpaal; geplaatst\"\r\n", csv.ToString());
    }
}
