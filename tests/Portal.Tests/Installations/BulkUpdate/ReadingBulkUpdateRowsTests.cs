using System.Text;
using Portal.Domain.Installations;
using Portal.Features.Installations.BulkUpdate;

namespace Portal.Tests.Installations.BulkUpdate;

/// <summary>A bulk update row read into (reference, step, date, comment), and a file read into rows; no app needed.</summary>
public sealed class ReadingBulkUpdateRowsTests
{
    private static BulkUpdateRowResult Parse(params string[] fields) => BulkUpdateRow.Parse(fields);

    [Theory]
    [InlineData("3", InstallationStep.NeighboursInformed)]
    [InlineData(" 10 ", InstallationStep.Informed)]
    [InlineData("Omwonenden geïnformeerd", InstallationStep.NeighboursInformed)]
    [InlineData("omwonenden geinformeerd", InstallationStep.NeighboursInformed)]
    [InlineData("NEIGHBOURS INFORMED", InstallationStep.NeighboursInformed)]
    [InlineData("klic melding gedaan", InstallationStep.DigNotificationMade)]
    [InlineData("KLIC", InstallationStep.DigNotificationMade)]
    [InlineData("Dig notification made", InstallationStep.DigNotificationMade)]
    [InlineData("ChargePointPlaced", InstallationStep.ChargePointPlaced)]
    [InlineData("Laadpaal geplaatst", InstallationStep.ChargePointPlaced)]
    [InlineData("Borden en markering geplaatst", InstallationStep.SignsPlaced)]
    [InlineData("Graafvergunning", InstallationStep.DiggingPermitted)]
    [InlineData("Geaccepteerd door CPO", InstallationStep.AcceptedByCpo)]
    public void AStep_IsItsNumber_OrItsDutchOrEnglishName_InAnyCase_AndWithOrWithoutAccents(string cell, InstallationStep expected) =>
        Assert.Equal(expected, BulkUpdateRow.StepOf(cell));

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void EveryStepName_ThePagesShow_IsReadBackAsThatStep_ARemovalsToo(string language)
    {
        var texts = new System.Resources.ResourceManager("Portal.Resources.Texts", typeof(Portal.Resources.Texts).Assembly);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        foreach (var step in Enum.GetValues<InstallationStep>())
            Assert.Equal(step, BulkUpdateRow.StepOf(texts.GetString($"InstallationStep.{step}", culture)!));
        Assert.Equal(InstallationStep.ChargePointPlaced, BulkUpdateRow.StepOf(texts.GetString("InstallationStep.Removal.ChargePointPlaced", culture)!));
        Assert.Equal(InstallationStep.SignsPlaced, BulkUpdateRow.StepOf(texts.GetString("InstallationStep.Removal.SignsPlaced", culture)!));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("-3")]
    [InlineData("")]
    [InlineData("Geplaatst")]
    [InlineData("Schilderen")]
    public void NoStep_ForANumberOutside1To10_AnEmptyCell_OrAnUnknownName(string cell) =>
        Assert.Null(BulkUpdateRow.StepOf(cell));

    [Fact]
    public void ARow_InIsoDates_WithAComment_IsRead_AndTheReferenceUpperCased()
    {
        var result = Parse(" in-2026-0007 ", "4", "2026-03-02", " Aangevraagd bij Liander ");

        Assert.Null(result.Problem);
        Assert.Equal(new BulkUpdateLine("IN-2026-0007", InstallationStep.GridConnectionRequested, new DateOnly(2026, 3, 2), "Aangevraagd bij Liander"), result.Line);
    }

    [Theory]
    [InlineData("02-03-2026")]
    [InlineData("2-3-2026")]
    [InlineData("2026-03-02")]
    public void ADutchDayMonthYear_AndAnIsoDate_AreTheSameDay(string cell) =>
        Assert.Equal(new DateOnly(2026, 3, 2), Parse("IN-2026-0001", "3", cell).Line!.DoneOn);

    [Fact]
    public void AMissingOrEmptyComment_IsNoComment() =>
        Assert.Equal((null, null), (Parse("IN-2026-0001", "3", "2026-03-02").Line!.Comment, Parse("IN-2026-0001", "3", "2026-03-02", "  ").Line!.Comment));

    [Theory]
    [InlineData("2026-02-30")] // 30 February does not exist
    [InlineData("03/02/2026")]
    [InlineData("2 maart 2026")]
    [InlineData("")]
    [InlineData("2026-3-2")] // an ISO date has two-digit month and day
    public void ADateInAnotherForm_OrNoDay_IsABadDate_NamingTheCell(string cell)
    {
        var result = Parse("IN-2026-0001", "3", cell);

        Assert.Equal((null, BulkUpdateRowProblem.BadDate, cell), (result.Line, result.Problem, result.Value));
    }

    [Fact]
    public void EachProblem_IsFoundInColumnOrder_WithTheValueThatWasWrong()
    {
        Assert.Equal(BulkUpdateRowProblem.ReferenceMissing, Parse(" ", "3", "2026-03-02").Problem);
        Assert.Equal((BulkUpdateRowProblem.UnknownStep, "Schilderen"), (Parse("IN-2026-0001", "Schilderen", "nonsense").Problem, Parse("IN-2026-0001", "Schilderen", "nonsense").Value));
        Assert.Equal((BulkUpdateRowProblem.TooManyColumns, "5"), (Parse("IN-2026-0001", "3", "2026-03-02", "", "extra").Problem, Parse("IN-2026-0001", "3", "2026-03-02", "", "extra").Value));
        // Empty trailing cells (a spreadsheet's extra separators) are no extra columns.
        Assert.Null(Parse("IN-2026-0001", "3", "2026-03-02", "", "", "").Problem);
        Assert.Equal(BulkUpdateRowProblem.CommentTooLong, Parse("IN-2026-0001", "3", "2026-03-02", new string('x', InstallationStepRecord.MaxCommentLength + 1)).Problem);
        Assert.Null(Parse("IN-2026-0001", "3", "2026-03-02", new string('x', InstallationStepRecord.MaxCommentLength)).Problem);
    }

    [Fact]
    public void AFile_WithBom_Semicolons_AndAHeader_IsReadWithTheLinesOfTheFile()
    {
        var text = "\uFEFFreferentie;stap;datum;opmerking\r\nIN-2026-0001;3;2026-03-02;\"Brief; huis aan huis\"\r\n\r\nIN-2026-0002;Netaansluiting;bad\r\n";

        var (rows, problem) = BulkUpdateFile.Read(new MemoryStream(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text[1..])).ToArray()));

        Assert.Null(problem);
        // Line 1 is the header, line 3 is empty and skipped.
        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.Equal("Brief; huis aan huis", rows[0].Parsed.Line!.Comment);
        Assert.Equal(BulkUpdateRowProblem.BadDate, rows[1].Parsed.Problem);
    }

    [Fact]
    public void AFile_WithCommasAndNoHeader_StartsAtLineOne()
    {
        var (rows, problem) = BulkUpdateFile.Read(new MemoryStream("IN-2026-0001,3,02-03-2026\nIN-2026-0002,7,2026-03-03,Geplaatst\n"u8.ToArray()));

        Assert.Null(problem);
        Assert.Equal([(1, "IN-2026-0001", InstallationStep.NeighboursInformed), (2, "IN-2026-0002", InstallationStep.ChargePointPlaced)],
            rows.Select(r => (r.Line, r.Parsed.Line!.Reference, r.Parsed.Line.Step)));
    }

    [Fact]
    public void AFile_ThatIsNoUtf8Text_OrEmpty_OrTooLong_IsRefusedAsAWhole()
    {
        // The first bytes of an .xlsx (a zip): not valid UTF-8 after the signature.
        Assert.Equal(BulkUpdateFileProblem.NotText, BulkUpdateFile.Read(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xC3, 0x28])).Problem);
        // Latin-1 "geïnformeerd": 0xEF alone is no UTF-8.
        Assert.Equal(BulkUpdateFileProblem.NotText, BulkUpdateFile.Read(new MemoryStream([.. "IN-1;3;2026-03-02;ge"u8, 0xEF, .. "nformeerd"u8])).Problem);
        Assert.Equal(BulkUpdateFileProblem.Empty, BulkUpdateFile.Read(new MemoryStream("reference;step;date\r\n;;\r\n"u8.ToArray())).Problem);
        var tooMany = string.Concat(Enumerable.Repeat("IN-2026-0001;3;2026-03-02\n", BulkUpdateFile.MaxRows + 1));
        Assert.Equal(BulkUpdateFileProblem.TooManyRows, BulkUpdateFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(tooMany))).Problem);
        var justEnough = string.Concat(Enumerable.Repeat("IN-2026-0001;3;2026-03-02\n", BulkUpdateFile.MaxRows));
        Assert.Equal(BulkUpdateFile.MaxRows, BulkUpdateFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(justEnough))).Rows.Count);
    }
}
