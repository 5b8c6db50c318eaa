using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Installations;
using Portal.Features.Installations.BulkUpdate;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Installations.InstallationCaseTestData;

namespace Portal.Tests.Installations.BulkUpdate;

/// <summary>The CSV bulk update over the real app and its database: a preview that saves nothing, then each good row applied and each bad one refused with its reason.</summary>
public sealed class BulkUpdatingInstallationStepsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<BulkUpdateFileRow> Rows(string csv)
    {
        var (rows, problem) = BulkUpdateFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.Null(problem);
        return rows;
    }

    private Task<BulkUpdateReport> PreviewAsync(string email, string csv) =>
        app.CallAsync(email, (InstallationBulkUpdate b, ClaimsPrincipal u) => b.PreviewAsync(u, Rows(csv)));

    private Task<BulkUpdateReport> ApplyAsync(string email, string csv) =>
        app.CallAsync(email, (InstallationBulkUpdate b, ClaimsPrincipal u) => b.ApplyAsync(u, Rows(csv)));

    private async Task<InstallationCase> CaseAsync(Guid id) => (await app.InstallationsAs(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;

    [Fact]
    public async Task GoodRows_AreApplied_OneHistoryEntryEach_AndEachBadRowIsReportedWithItsReason()
    {
        var demo = await ContractTestSetup.DemoOperatorAsync(app);
        var (a, refA) = await app.OpenedCaseAsync("Bulkweg 1", 0.0301, demo);
        var (b, refB) = await app.OpenedCaseAsync("Bulkweg 2", 0.0302, demo);
        var csv = $"""
            referentie;stap;datum;opmerking
            {refA};1;{Iso(Today)};Akkoord
            {refA};Omwonenden geïnformeerd;{Today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)};Brief huis aan huis
            {refA};4;{Iso(Today)};
            {refA};3;{Iso(Today.AddDays(1))};
            {refB};3;{Iso(Today)};
            IN-1999-9999;3;{Iso(Today)};
            {refA};Schilderen;{Iso(Today)};
            {refA};3;31-02-2026;
            """;

        var preview = await PreviewAsync(DemoAccounts.Cpo, csv);

        // The accept on line 2 lets line 3 report on the same case, in the preview as when applied.
        Assert.Equal([BulkUpdateOutcome.Ready, BulkUpdateOutcome.Ready, BulkUpdateOutcome.Refused, BulkUpdateOutcome.Refused, BulkUpdateOutcome.Refused,
            BulkUpdateOutcome.Refused, BulkUpdateOutcome.Refused, BulkUpdateOutcome.Refused], preview.Rows.Select(r => r.Outcome));
        Assert.Equal([InstallationChangeKind.Opened], (await CaseAsync(a)).History.Select(h => h.Kind));

        var report = await ApplyAsync(DemoAccounts.Cpo, csv);

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], report.Rows.Select(r => r.Line));
        Assert.Equal((2, 6), (report.Count(BulkUpdateOutcome.Applied), report.Count(BulkUpdateOutcome.Refused)));
        var reasons = report.Rows.Skip(2).Select(r => r.Reason!).ToList();
        Assert.Equal("De stap 'Netaansluiting aangevraagd' heeft een eigen formulier op de zaakpagina en kan niet via CSV worden gemeld.", reasons[0]);
        Assert.StartsWith("Meld een stap als die gedaan is, op of voor vandaag", reasons[1], StringComparison.Ordinal);
        Assert.Equal("De CPO accepteert de zaak voordat stappen worden gemeld.", reasons[2]);
        Assert.Equal("Er is geen zaak met referentie IN-1999-9999.", reasons[3]);
        Assert.Equal("Onbekende stap 'Schilderen': gebruik een nummer van 1 tot en met 10 of de naam van de stap.", reasons[4]);
        Assert.Equal("Ongeldige datum '31-02-2026': gebruik jjjj-mm-dd of dd-mm-jjjj.", reasons[5]);
        // The preview said the same as the report, row for row.
        Assert.Equal(preview.Rows.Select(r => r.Reason), report.Rows.Select(r => r.Reason));

        var applied = await CaseAsync(a);
        Assert.Equal([InstallationChangeKind.Opened, InstallationChangeKind.StepReported, InstallationChangeKind.StepReported],
            applied.History.OrderBy(h => h.Id).Select(h => h.Kind));
        Assert.Equal((Today, "Brief huis aan huis"), (applied[InstallationStep.NeighboursInformed].DoneOn!.Value, applied[InstallationStep.NeighboursInformed].Comment));
        Assert.False(string.IsNullOrEmpty(applied[InstallationStep.AcceptedByCpo].ReportedByName));
        Assert.Null(applied[InstallationStep.GridConnectionRequested].DoneOn);
        Assert.Equal([InstallationChangeKind.Opened], (await CaseAsync(b)).History.Select(h => h.Kind));
    }

    [Fact]
    public async Task ACpoUserOfAnotherOperator_CannotTouchTheFirstOperatorsCases_ButReportsTheirOwn()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var demo = await ContractTestSetup.DemoOperatorAsync(app);
        var other = await OtherOperatorAsync();
        var (theirs, refTheirs) = await app.OpenedCaseAsync("Bulkweg 3", 0.0303, demo);
        var (own, refOwn) = await app.OpenedCaseAsync("Bulkweg 4", 0.0304, other);
        var csv = $"""
            {refTheirs};1;{Iso(Today)};Overgenomen
            {refOwn};1;{Iso(Today)};Akkoord
            """;

        var report = await ApplyAsync(ContractTestSetup.OtherCpo, csv);

        Assert.Equal([BulkUpdateOutcome.Refused, BulkUpdateOutcome.Applied], report.Rows.Select(r => r.Outcome));
        Assert.Equal($"Zaak {refTheirs} is niet van uw organisatie of uw gemeente; u kunt er geen stappen voor melden.", report.Rows[0].Reason);
        Assert.Null(report.Rows[0].CaseId);
        var untouched = await CaseAsync(theirs);
        Assert.Equal([InstallationChangeKind.Opened], untouched.History.Select(h => h.Kind));
        Assert.Null(untouched[InstallationStep.AcceptedByCpo].DoneOn);
        Assert.Equal(Today, (await CaseAsync(own))[InstallationStep.AcceptedByCpo].DoneOn);
    }

    [Fact]
    public async Task TheTemplate_IsACsvInTheReadersLanguage_ThatTheReaderReads_AndOnlyForStaffWhoUseIt()
    {
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        var response = await cpo.Http.GetAsync(new Uri(BulkUpdateEndpoints.TemplatePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("referentie;stap;datum;opmerking\r\n", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        var (rows, problem) = BulkUpdateFile.Read(new MemoryStream(bytes));
        Assert.Null(problem);
        Assert.Equal([InstallationStep.NeighboursInformed, InstallationStep.DiggingPermitted], rows.Select(r => r.Parsed.Line!.Step));
        Assert.All(rows, r => Assert.Equal(Today, r.Parsed.Line!.DoneOn));

        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var refused = await resident.Http.GetAsync(new Uri(BulkUpdateEndpoints.TemplatePath, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task ThePage_PreviewsThenApplies_AndSaysPerRowWhatHappened_ForCpoUsersAndOfficersOnly()
    {
        var demo = await ContractTestSetup.DemoOperatorAsync(app);
        var (id, reference) = await app.OpenedCaseAsync("Bulkweg 5", 0.0305, demo);
        using (var resident = await app.LogInAsAsync(DemoAccounts.Resident))
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetPageAsync("/cpo/installaties/importeren")).Response.StatusCode);
        using (var officer = await app.LogInAsAsync(DemoAccounts.Officer))
            Assert.Equal(HttpStatusCode.OK, (await officer.GetPageAsync("/cpo/installaties/importeren")).Response.StatusCode);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo);
        context.RenderProviders();
        var page = context.Render<BulkUpdatePage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("referentie;stap;datum\n", "stappen.xlsx"));
        page.WaitForAssertion(() => Assert.Equal("Kies een CSV-bestand (.csv).", page.Find("[data-testid=bulk-problem]").TextContent.Trim()), TimeSpan.FromSeconds(30));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"{reference};1;{Iso(Today)};Akkoord\nIN-1999-9998;1;{Iso(Today)}\n", "stappen.csv"));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=bulk-preview]").HasAttribute("disabled")), TimeSpan.FromSeconds(30));
        await page.InvokeAsync(() => page.Find("[data-testid=bulk-preview]").Click());
        page.WaitForAssertion(() => Assert.StartsWith("1 regel(s) kunnen worden toegepast, 1 worden geweigerd.", page.Find("[data-testid=bulk-summary]").TextContent.Trim(), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Null((await CaseAsync(id))[InstallationStep.AcceptedByCpo].DoneOn);

        await page.InvokeAsync(() => page.Find("[data-testid=bulk-apply]").Click());
        page.WaitForAssertion(() => Assert.Equal("1 regel(s) toegepast, 1 geweigerd.", page.Find("[data-testid=bulk-summary]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(["Toegepast", "Geweigerd"], page.FindAll("[data-testid=bulk-outcome]").Select(o => o.TextContent.Trim()));
        Assert.Equal(["", "Er is geen zaak met referentie IN-1999-9998."], page.FindAll("[data-testid=bulk-reason]").Select(o => o.TextContent.Trim()));
        Assert.Equal(Today, (await CaseAsync(id))[InstallationStep.AcceptedByCpo].DoneOn);
        Assert.Empty(page.FindAll("[data-testid=bulk-apply]"));
    }

    private async Task<Guid> OtherOperatorAsync() =>
        await Applications.OfficerTestData.ReadAsync(app, db => db.Operators.Where(o => o.Name == "Andere Laadoperator").Select(o => o.Id).SingleAsync());
}
