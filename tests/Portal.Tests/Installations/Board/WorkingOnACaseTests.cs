using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Extensions;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Features.Installations.CasePage;
using Portal.Features.Spots;
using Portal.Tests.Admin;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Installations.Board;

/// <summary>The case page and the spot page's "open a case" in bUnit over the real portal and its database.</summary>
public sealed class WorkingOnACaseTests : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = AdminSteps.Wait;
    private readonly PortalAppFactory app;

    public WorkingOnACaseTests(PortalAppFactory app)
    {
        this.app = app;
        Spots.SpotPageTesting.ReadInDutch();
    }

    private static DateOnly Today => InstallationBoardTesting.Today;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IRenderedComponent<InstallationCasePage> Open(BackOfficeContext context, Guid id, string waitFor)
    {
        var page = context.Render<InstallationCasePage>(p => p.Add(c => c.Id, id));
        page.WaitForElement(waitFor, Wait);
        return page;
    }

    private Task<InstallationCase> CaseAsync(Guid id) =>
        app.QueryAsync(db => db.InstallationCases.AsNoTracking().Include(c => c.Steps).Include(c => c.History).AsSplitQuery().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task TheCpo_Accepts_ThenReportsAStepWithAPhoto_AFutureDayIsRefusedWithTheFormKept_AndTheTimelineShowsThePhoto()
    {
        var id = await app.OpenedCaseAsync("Fotostraat 4, 6815 AA Arnhem", 0.0301);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo);
        var dialogs = context.RenderProviders();
        var page = Open(context, id, "#case-accept");

        await page.InvokeAsync(() => page.Find("#case-accept").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal($"Gedaan op {Format(Today)}", page.Find("[data-testid=step-AcceptedByCpo] [data-testid=step-done]").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("#case-accept"));

        page.PressAndWaitForDialog("Stap melden", dialogs);
        // The form starts on the next step, on today.
        Assert.Equal(InstallationStep.LocationProposalChecked, dialogs.Select<InstallationStep>("report-step").Instance.GetState(x => x.Value));
        Assert.Equal(Iso(Today), dialogs.Find("#report-day").GetAttribute("value"));
        await dialogs.ChooseAsync("report-step", InstallationStep.ChargePointPlaced);
        await dialogs.TypeAsync("#report-day", Iso(Today.AddDays(1)));
        await dialogs.TypeAsync("#report-comment", "Paal staat, aansluiting volgt");
        dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(InstallationBoardTesting.Png, "paal.png", contentType: "image/png"));
        dialogs.WaitForAssertion(() => Assert.Contains("paal.png", dialogs.Find("[data-testid=report-chosen-files]").TextContent, StringComparison.Ordinal), Wait);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=report-submit]").ClickAsync(new()));

        dialogs.WaitForAssertion(() => Assert.StartsWith("Meld een stap als die gedaan is, op of voor vandaag", dialogs.Find("[data-testid=report-problem]").TextContent.Trim(), StringComparison.Ordinal), Wait);
        Assert.Equal("Paal staat, aansluiting volgt", dialogs.Find("#report-comment").GetAttribute("value") ?? dialogs.Find("#report-comment").TextContent);
        Assert.Equal(InstallationStep.ChargePointPlaced, dialogs.Select<InstallationStep>("report-step").Instance.GetState(x => x.Value));
        Assert.Contains("paal.png", dialogs.Find("[data-testid=report-chosen-files]").TextContent, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.InstallationAttachments.AnyAsync(a => a.CaseId == id)));

        await dialogs.TypeAsync("#report-day", Iso(Today));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=report-submit]").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Equal("paal.png", page.Find("[data-testid=step-ChargePointPlaced] [data-testid=step-attachment]").TextContent.Trim()), Wait);
        Assert.Equal("Paal staat, aansluiting volgt", page.Find("[data-testid=step-ChargePointPlaced] [data-testid=step-comment]").TextContent.Trim());
        var attachment = await app.QueryAsync(db => db.InstallationAttachments.AsNoTracking().SingleAsync(a => a.CaseId == id));
        Assert.Equal((InstallationStep.ChargePointPlaced, "image/png", (long)InstallationBoardTesting.Png.Length, "Carla CPO"),
            (attachment.Step, attachment.ContentType, attachment.SizeBytes, attachment.UploadedByName));
        Assert.Equal($"/beheer/installaties/{id}/bijlagen/{attachment.Id}", page.Find("[data-testid=step-attachment]").GetAttribute("href"));
        // Steps 2 to 6 are now missing: a later one is done.
        Assert.Contains("Locatievoorstel getoetst", page.Find("[data-testid=case-missing]").TextContent, StringComparison.Ordinal);
        // The CPO does not manage the case.
        Assert.Empty(page.FindAll("#case-pause"));
        Assert.Empty(page.FindAll("#case-cancel"));
        var saved = await CaseAsync(id);
        Assert.Equal([InstallationChangeKind.Opened, InstallationChangeKind.StepReported, InstallationChangeKind.StepReported, InstallationChangeKind.AttachmentAdded],
            saved.History.OrderBy(h => h.Id).Select(h => h.Kind));
    }

    [Fact]
    public async Task TheOfficer_PausesWithAReason_Resumes_AndCancelsOnlyAfterConfirming()
    {
        var id = await app.OpenedCaseAsync("Pauzeweg 6, 6816 AA Arnhem", 0.0302);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var page = Open(context, id, "#case-pause");

        // A pause without a reason is refused in the dialog, which stays open.
        page.PressAndWaitForDialog("Pauzeren", dialogs);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=action-submit]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Equal("Geef de reden.", dialogs.Find("[data-testid=action-problem]").TextContent.Trim()), Wait);
        await dialogs.TypeAsync("#action-reason", "Geen netcapaciteit tot maart");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=action-submit]").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal("Gepauzeerd: Geen netcapaciteit tot maart", page.Find("[data-testid=case-pause-reason]").TextContent.Trim()), Wait);

        await page.InvokeAsync(() => page.Find("#case-resume").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal("Lopend", page.Find("[data-testid=case-status]").TextContent.Trim()), Wait);

        // Cancelling asks first; saying no keeps the case open.
        page.PressAndWaitForDialog("Zaak annuleren", dialogs);
        await dialogs.TypeAsync("#action-reason", "Plek vervalt na bezwaar");
        _ = dialogs.InvokeAsync(() => dialogs.Find("[data-testid=action-submit]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll(".mud-dialog").Count), Wait);
        Assert.Contains("Een geannuleerde zaak verandert niet meer", dialogs.FindAll(".mud-dialog")[1].TextContent, StringComparison.Ordinal);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog")[1].QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Annuleren").Click());
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll(".mud-dialog")), Wait);
        Assert.Equal(InstallationCaseStatus.Open, (await CaseAsync(id)).Status);

        // The click's handler waits for the answer to the question, so it is not awaited here.
        _ = dialogs.InvokeAsync(() => dialogs.Find("[data-testid=action-submit]").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll(".mud-dialog").Count), Wait);
        // The question opens over the reason's dialog: confirm there.
        Assert.Contains("Een geannuleerde zaak verandert niet meer", dialogs.FindAll(".mud-dialog")[1].TextContent, StringComparison.Ordinal);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog")[1].QuerySelector("[data-testid=confirm]")!.Click());

        page.WaitForAssertion(() => Assert.Equal("Geannuleerd", page.Find("[data-testid=case-status]").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("#case-report"));
        var saved = await CaseAsync(id);
        Assert.Equal([InstallationChangeKind.Opened, InstallationChangeKind.Paused, InstallationChangeKind.Resumed, InstallationChangeKind.Cancelled],
            saved.History.OrderBy(h => h.Id).Select(h => h.Kind));
        Assert.Equal("Plek vervalt na bezwaar", saved.History.OrderBy(h => h.Id).Last().Text);
        Assert.Contains("Geannuleerd: Plek vervalt na bezwaar", page.Find("[data-testid=case-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACaseOfAnotherOperator_OrMunicipality_AnswersAsNotFound()
    {
        var id = await app.OpenedCaseAsync("Geheimweg 8, 6817 AA Arnhem", 0.0303);
        await app.OutsidersAsync();

        foreach (var outsider in new[] { ContractTestSetup.OtherCpo, ContractTestSetup.EdeOfficer })
        {
            await using var context = await BackOfficeContext.SignedInAsAsync(app, outsider);
            context.RenderProviders();
            var page = Open(context, id, "[data-testid=case-not-found]");
            Assert.Empty(page.FindAll("[data-testid=case-timeline]"));
        }
        await using (var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin))
        {
            context.RenderProviders();
            var page = Open(context, id, "[data-testid=case-timeline]");
            // Administrators read only.
            Assert.Empty(page.FindAll("#case-report"));
            Assert.Empty(page.FindAll("#case-pause"));
        }
    }

    [Fact]
    public async Task TheOfficer_OpensACaseFromTheSpotPage_WithTheCoveringContractsCpoPreselected_AndLandsOnTheCase()
    {
        var contract = await ContractTestSetup.RegionalConcessionAsync(app, "AAA-IN-SPOT-1");
        await Contracts.Documents.ContractDocumentsTesting.SignFirstVersionAsync(app, contract);
        var spot = await app.ReadySpotAsync("Openplein 10, 6818 AA Arnhem", 0.0304);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var page = context.Render<SpotPage>(p => p.Add(s => s.Id, spot));
        page.WaitForElement("#spot-open-case", Wait);

        page.PressAndWaitForDialog("Installatiezaak openen", dialogs);
        Assert.Equal("Contract AAA-IN-SPOT-1 dekt deze plek; de CPO daarvan is voorgekozen.", dialogs.Find("[data-testid=open-case-contract]").TextContent.Trim());
        Assert.Equal(await ContractTestSetup.DemoOperatorAsync(app), dialogs.Select<Guid?>("open-case-operator").Instance.GetState(x => x.Value));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=open-case-submit]").ClickAsync(new()));

        var opened = await app.QueryAsync(db => db.InstallationCases.AsNoTracking().SingleAsync(c => c.SpotId == spot));
        await context.NavigatedToAsync(uri => uri.EndsWith($"/beheer/installaties/{opened.Id}", StringComparison.Ordinal), Wait);
        Assert.Equal((contract, await ContractTestSetup.DemoOperatorAsync(app)), (opened.ContractId!.Value, opened.OperatorId));
        Assert.Equal(SpotStatus.ReadyForInstallation, (await app.QueryAsync(db => db.Spots.AsNoTracking().SingleAsync(s => s.Id == spot))).Status);
    }

    private static string Format(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
