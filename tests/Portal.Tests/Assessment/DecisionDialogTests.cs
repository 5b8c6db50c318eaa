using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Portal.Domain.Applications;
using Portal.Domain.Spots;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Assessment;

/// <summary>
/// The decision dialog on the application page (bUnit) over the real portal and its database: the form with its
/// validation, the exact mail as a preview, the confirmation, and a refusal that keeps what was typed.
/// </summary>
public sealed class DecisionDialogTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Rejecting_FromATemplate_ShowsTheMail_AndConfirming_DecidesQueuesTheMailAndUpdatesThePage()
    {
        var (application, email) = await NewApplicationAsync("reject", 1);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var (page, dialogs) = await OpenDialogAsync(context, application.Id, "afwijzen");

        // Step one: the municipality's reasons fill the text, which the officer then edits.
        Assert.Equal(5, dialogs.FindAll("[data-testid=templates] button").Count);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=templates] [data-template='1']").ClickAsync(new MouseEventArgs()));
        var template = dialogs.Find("#decision-text").GetAttribute("value") ?? dialogs.Find("#decision-text").TextContent;
        Assert.StartsWith("U heeft een eigen oprit, garage of parkeerplaats.", template, StringComparison.Ordinal);
        var edited = template + " Uw oprit aan de achterzijde is op de luchtfoto te zien.";
        await TypeAsync(dialogs, edited);

        // Step two: the mail exactly as the resident will get it; nothing is decided yet.
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForElement("[data-testid=mail-preview]", Wait);
        Assert.Equal($"Aan: {email}", dialogs.Find("[data-testid=mail-to]").TextContent);
        Assert.Equal($"Onderwerp: Uw aanvraag {application.Reference}: Afgewezen", dialogs.Find("[data-testid=mail-subject]").TextContent);
        var preview = dialogs.Find("[data-testid=mail-preview]").TextContent;
        Assert.Contains("Beste Resident reject", preview, StringComparison.Ordinal);
        Assert.Contains("Uw oprit aan de achterzijde is op de luchtfoto te zien.", preview, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/aanvragen/{application.Id}", preview, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(app, application.Id)).Status);

        // Step three: confirm.
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs()));

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        page.WaitForAssertion(() => Assert.Equal("Afgewezen", page.Find("[data-testid=status]").TextContent), Wait);
        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Het besluit is vastgelegd en de aanvrager heeft bericht gekregen." && s.Severity == Severity.Success), Wait);
        Assert.Empty(page.FindAll("[data-testid=actions]"));
        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.Rejected, saved.Status);
        Assert.Equal(edited, saved.DecisionText);
        Assert.Equal(1, await ReadAsync(app, db => db.OutboxMails.CountAsync(m => m.ToAddress == email)));
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Uw oprit aan de achterzijde is op de luchtfoto te zien.", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForm_SaysWhatIsMissingOrTooLong_AtTheField_AndShowsNoPreview()
    {
        var (application, _) = await NewApplicationAsync("validation", 2);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var (_, dialogs) = await OpenDialogAsync(context, application.Id, "informatie");

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForAssertion(() => Assert.Contains("Vul dit veld in.", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal), Wait);

        await TypeAsync(dialogs, new string('x', Application.MaxDecisionTextLength + 1));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));

        dialogs.WaitForAssertion(() => Assert.Contains($"Gebruik hoogstens {Application.MaxDecisionTextLength} tekens.", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(dialogs.FindAll("[data-testid=mail-preview]"));
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(app, application.Id)).Status);
    }

    [Fact]
    public async Task ARefusal_KeepsTheDialogOpenWithWhatWasTyped_AndSaysWhyInDutch()
    {
        var (application, email) = await NewApplicationAsync("refused", 3);
        var spot = await SpotAsync(application, "Plek die vervalt");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var (page, dialogs) = await OpenDialogAsync(context, application.Id, "goedkeuren");
        Assert.True(RadioInput(dialogs, $"[data-spot='{DecisionFormNewSpot}']").HasAttribute("checked"));
        await RadioInput(dialogs, $"[data-spot='{spot}']").ClickAsync(new MouseEventArgs());
        await TypeAsync(dialogs, "Uw laadpaal komt op de plek die al klaarligt.");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForElement("[data-testid=confirm]", Wait);
        // Meanwhile a colleague retires the spot.
        await ReadAsync(app, async db =>
        {
            var loaded = await db.Spots.Include(s => s.History).SingleAsync(s => s.Id == spot);
            loaded.ChangeStatus(SpotStatus.Retired, new SpotActor("colleague", "Chris Collega"), DateTime.UtcNow, "Boom in de weg.");
            await db.SaveChangesAsync();
            return true;
        });

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs()));

        dialogs.WaitForAssertion(() => Assert.Equal(
            "Die plek is geen open plek van deze gemeente (meer). Kies een andere plek of een nieuwe.",
            dialogs.Find("[data-testid=decision-problem]").TextContent), Wait);
        Assert.Single(dialogs.FindAll(".mud-dialog"));
        Assert.Equal("Uw laadpaal komt op de plek die al klaarligt.", TextOf(dialogs));
        Assert.True(RadioInput(dialogs, $"[data-spot='{spot}']").HasAttribute("checked"));
        Assert.NotNull(dialogs.Find("[data-testid=show-preview]"));
        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.Submitted, saved.Status);
        Assert.Null(saved.SpotId);
        Assert.Equal(0, await ReadAsync(app, db => db.OutboxMails.CountAsync(m => m.ToAddress == email)));
        Assert.Equal("Ingediend", page.Find("[data-testid=status]").TextContent);
    }

    [Fact]
    public async Task ChangingTheTextAfterThePreview_ShowsANewPreview_AndConfirmsWhatWasPreviewed()
    {
        var (application, email) = await NewApplicationAsync("again", 4);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var (page, dialogs) = await OpenDialogAsync(context, application.Id, "informatie");
        await TypeAsync(dialogs, "Eerste versie.");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForAssertion(() => Assert.Contains("Eerste versie.", dialogs.Find("[data-testid=mail-preview]").TextContent, StringComparison.Ordinal), Wait);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=back-to-form]").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForAssertion(() => Assert.Equal("Eerste versie.", TextOf(dialogs)), Wait);
        await TypeAsync(dialogs, "Tweede versie.");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForAssertion(() => Assert.Contains("Tweede versie.", dialogs.Find("[data-testid=mail-preview]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Vraag versturen", dialogs.Find("[data-testid=confirm]").TextContent.Trim());
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs()));

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De vraag is verstuurd; de beslistermijn staat stil tot het antwoord."), Wait);
        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.WaitingForInformation, saved.Status);
        Assert.Equal("Tweede versie.", saved.OpenInformationRequest!.Question);
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.DoesNotContain("Eerste versie.", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreview_IsInTheResidentsLanguage_WhileTheDialogStaysInTheOfficers()
    {
        const string email = "english.dialog@test.example";
        var resident = await ResidentAsync(app, email, "Emma Dialog");
        await ReadAsync(app, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.PreferredCulture = "en";
            await db.SaveChangesAsync();
            return true;
        });
        var application = await SubmitAsync(app, resident, await ArnhemAsync(app), "Dialoogwijk", Now.AddDays(-1), houseNumber: 5);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var (_, dialogs) = await OpenDialogAsync(context, application.Id, "informatie");
        await TypeAsync(dialogs, "Stuur uw kentekenbewijs mee.");

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));

        dialogs.WaitForElement("[data-testid=mail-preview]", Wait);
        var preview = dialogs.Find("[data-testid=mail-preview]").TextContent;
        Assert.Contains("Dear Emma Dialog", preview, StringComparison.Ordinal);
        Assert.Contains("Waiting for your information", preview, StringComparison.Ordinal);
        Assert.Contains("Stuur uw kentekenbewijs mee.", preview, StringComparison.Ordinal);
        Assert.Equal("Zo ziet de e-mail eruit", dialogs.Find(".mud-dialog-content h2").TextContent);
        Assert.Equal("Vraag versturen", dialogs.Find("[data-testid=confirm]").TextContent.Trim());
    }

    [Fact]
    public async Task ApprovingOntoANewSpot_LinksTheNewSpotOnThePage()
    {
        var (application, _) = await NewApplicationAsync("new-spot", 6);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var (page, dialogs) = await OpenDialogAsync(context, application.Id, "goedkeuren");
        Assert.Contains("Wij plaatsen een openbare laadpaal bij uw adres.", TextOf(dialogs), StringComparison.Ordinal);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForAssertion(() => Assert.Contains("Toegekend", dialogs.Find("[data-testid=mail-preview]").TextContent, StringComparison.Ordinal), Wait);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Equal("Toegekend", page.Find("[data-testid=status]").TextContent), Wait);
        var saved = await LoadAsync(app, application.Id);
        Assert.Equal($"/beheer/plekken/{saved.SpotId}", page.Find("[data-testid=spot-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Referring_OffersTheNearestChargePointFirst_AndLinksTheChosenOne()
    {
        var (application, _) = await NewApplicationAsync("refer", 7);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var (page, dialogs) = await OpenDialogAsync(context, application.Id, "verwijzen");
        var options = dialogs.FindAll("[data-testid=charge-points] [data-charge-point]");
        Assert.NotEmpty(options);
        var second = options.Count > 1 ? options[1].GetAttribute("data-charge-point")! : options[0].GetAttribute("data-charge-point")!;
        Assert.True(RadioInput(dialogs, $"[data-charge-point='{options[0].GetAttribute("data-charge-point")}']").HasAttribute("checked"));

        await RadioInput(dialogs, $"[data-charge-point='{second}']").ClickAsync(new MouseEventArgs());
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=show-preview]").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForElement("[data-testid=confirm]", Wait);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Equal($"/laadpunten/{second}", page.Find("[data-testid=referred-link]").GetAttribute("href")), Wait);
        Assert.Equal(Guid.Parse(second), (await LoadAsync(app, application.Id)).ReferredChargeLocationId);
    }

    private const string DecisionFormNewSpot = Portal.Features.Assessment.DecisionForm.NewSpot;

    /// <summary>Opens the application page and, with the button of that decision, its dialog.</summary>
    private static async Task<(IRenderedComponent<Portal.Features.Assessment.OfficerApplicationPage> Page, IRenderedComponent<MudDialogProvider> Dialogs)> OpenDialogAsync(
        BackOfficeContext context, Guid id, string slug)
    {
        var dialogs = context.RenderProviders();
        var page = OfficerApplicationPageTests.Open(context, id);
        page.WaitForElement($"[data-decision={slug}]", Wait);
        _ = page.Find($"[data-decision={slug}]").ClickAsync(new MouseEventArgs());
        dialogs.WaitForElement("[data-testid=show-preview]", Wait);
        await Task.Yield();
        return (page, dialogs);
    }

    private static Task TypeAsync(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.Find("#decision-text").InputAsync(new ChangeEventArgs { Value = text });

    private static string TextOf(IRenderedComponent<MudDialogProvider> dialogs)
    {
        var field = dialogs.Find("#decision-text");
        return field.GetAttribute("value") ?? field.TextContent;
    }

    private static AngleSharp.Dom.IElement RadioInput(IRenderedComponent<MudDialogProvider> dialogs, string selector)
    {
        var element = dialogs.Find(selector);
        return element.TagName == "INPUT" ? element : element.QuerySelector("input[type=radio]")!;
    }

    private async Task<(Application Application, string Email)> NewApplicationAsync(string name, int houseNumber)
    {
        var email = $"{name}.dialog@test.example";
        var resident = await ResidentAsync(app, email, $"Resident {name}");
        var application = await SubmitAsync(app, resident, await ArnhemAsync(app), "Dialoogwijk", Now.AddDays(-1), houseNumber: 40 + houseNumber);
        return (application, email);
    }

    private Task<Guid> SpotAsync(Application application, string address) => ReadAsync(app, async db =>
    {
        var spot = Spot.Create(application.MunicipalityId, application.Point, new SpotDetails(address, 2, SpotSetUp.OnPavement, null, null, null, null), new SpotActor("test", "Test"), Now);
        db.Spots.Add(spot);
        await db.SaveChangesAsync();
        return spot.Id;
    });
}
