using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.BackOffice;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Features.Assessment;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Assessment;

/// <summary>The interactive application page (bUnit) over the real portal and its database: what it shows and its actions.</summary>
public sealed class OfficerApplicationPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly ApplicationActor Colleague = new("colleague-id", "Chris Collega");

    internal static IRenderedComponent<OfficerApplicationPage> Open(BackOfficeContext context, Guid id, string query = "")
    {
        // Dates as a Dutch officer reads them (the context sets the culture in an async method, which does not flow back here).
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        context.Navigation.NavigateTo($"/beheer/aanvragen/{id}{query}");
        return context.Render<OfficerApplicationPage>(p => p.Add(x => x.Id, id));
    }

    [Fact]
    public async Task ThePage_ShowsTheApplication_ItsFindingsInWords_DocumentsQuestionsAndHistory()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.detail@test.example", "Petra Pagina");
        // 0.0005 degree of longitude is about 34 m here: the second finds the first as an open application nearby.
        var first = await SubmitAsync(app, resident, arnhem, "Paginawijk", Now.AddDays(-3), ParkLatitude + 0.006, ParkLongitude, houseNumber: 10);
        var second = await SubmitAsync(app, resident, arnhem, "Paginawijk", Now.AddDays(-2), ParkLatitude + 0.006, ParkLongitude + 0.0005, houseNumber: 12,
            prepare: a =>
            {
                a.AssignTo(Colleague, Colleague, Now.AddDays(-2));
                a.AskForInformation(Colleague, "Welk kenteken hoort erbij?", Now.AddDays(-1));
            });
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        // Assessed again with the first one in the database: the group is found.
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);
        using (var scope = app.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DecisionService>().ReassessAsync(officer, second.Id);

        var page = Open(context, second.Id);

        page.WaitForAssertion(() => Assert.Equal($"Aanvraag {second.Reference}", page.Find("h1").TextContent.Trim()), Wait);
        Assert.Equal("Wacht op informatie", page.Find("[data-testid=status]").TextContent);
        Assert.Equal("Chris Collega", page.Find("[data-testid=assigned]").TextContent);
        Assert.Contains("gepauzeerd", page.Find("[data-testid=deadline]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Beoordeling nodig", page.Find("[data-testid=advice]").TextContent);
        var group = page.Find("[data-testid=findings] [data-code=OpenApplicationsNearby]");
        Assert.Contains("de dichtstbijzijnde op 34 m", group.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/beheer/aanvragen/{first.Id}", group.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(first.Reference, group.QuerySelector("a")!.TextContent);
        var document = page.Find("[data-testid=documents] a");
        Assert.Equal($"/aanvragen/{second.Id}/documenten/{second.Documents[0].Id}", document.GetAttribute("href"));
        Assert.Equal("kenteken.pdf", document.GetAttribute("download"));
        Assert.Contains("Welk kenteken hoort erbij?", page.Find("[data-testid=questions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Nog geen antwoord.", page.Find("[data-testid=questions]").TextContent, StringComparison.Ordinal);
        var history = page.FindAll("[data-testid=history] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("Status van In behandeling naar Wacht op informatie", StringComparison.Ordinal) && h.Contains("Welk kenteken hoort erbij?", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("Concept gestart", StringComparison.Ordinal));
        // Waiting for the answer: no decision now, but the other actions are there.
        Assert.Empty(page.FindAll("[data-testid=decisions]"));
        Assert.NotNull(page.Find("[data-testid=waiting]"));
        Assert.NotNull(page.Find("[data-testid=assign-to-me]"));
    }

    [Fact]
    public async Task TheSmallMap_IsCentredOnTheApplication_WithItsMarker_AndTheLayersAround()
    {
        var (application, _) = await NewApplicationAsync("map", 26);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var module = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);

        var page = Open(context, application.Id);

        page.WaitForAssertion(() => module.VerifyInvoke("create"), Wait);
        var options = System.Text.Json.JsonSerializer.SerializeToElement(module.VerifyInvoke("create").Arguments[1], new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.Equal("laadpunten,aanvragen", options.GetProperty("layers").GetString());
        Assert.Equal(17, options.GetProperty("zoom").GetInt32());
        Assert.Equal(application.Latitude, options.GetProperty("latitude").GetDouble(), 6);
        var marker = Assert.Single(options.GetProperty("markers").EnumerateArray());
        Assert.Equal(application.Id.ToString(), marker.GetProperty("id").GetString());
        Assert.Equal($"Aanvraag {application.Reference}", marker.GetProperty("label").GetString());
        Assert.Equal("application", marker.GetProperty("kind").GetString());
        Assert.True(marker.GetProperty("selected").GetBoolean());
        Assert.Equal("Kaart: de aanvraag, aanvragen in de buurt en laadpalen", page.Find("[role=region]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task AColleaguesChange_ShowsOnTheOpenPage_WithoutAReload()
    {
        var (application, _) = await NewApplicationAsync("live", 27);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var page = Open(context, application.Id);
        page.WaitForAssertion(() => Assert.Equal("Ingediend", page.Find("[data-testid=status]").TextContent), Wait);

        await ReadAsync(app, async db =>
        {
            var loaded = await db.Applications.Include(a => a.History).Include(a => a.InformationRequests).SingleAsync(a => a.Id == application.Id);
            loaded.AssignTo(Colleague, Colleague, Now);
            await db.SaveChangesAsync();
            return true;
        });

        page.WaitForAssertion(() => Assert.Equal("Chris Collega", page.Find("[data-testid=assigned]").TextContent), TimeSpan.FromSeconds(15));
        Assert.Equal("In behandeling", page.Find("[data-testid=status]").TextContent);
    }

    [Fact]
    public async Task AssignToMe_AndAssessAgain_ChangeTheApplication_WithASnackbar()
    {
        var (application, email) = await NewApplicationAsync("assign", 20);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var page = Open(context, application.Id);
        page.WaitForElement("[data-testid=assign-to-me]", Wait);

        await page.InvokeAsync(() => page.Find("[data-testid=assign-to-me]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Equal("In behandeling", page.Find("[data-testid=status]").TextContent), Wait);
        Assert.Equal("Olaf Ambtenaar", page.Find("[data-testid=assigned]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=assign-to-me]"));
        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De aanvraag is aan u toegewezen."), Wait);
        Assert.Contains("In behandeling", Assert.Single((await app.DeliverMailAsync()).MessagesTo(email)), StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-testid=reassess]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De voorbeoordeling is opnieuw uitgevoerd."), Wait);
    }

    [Fact]
    public async Task ExtendingTheTerm_AsksFirst_ShowingTheNewLastDay_ThenExtendsOnce_AndMailsTheResident()
    {
        var (application, email) = await NewApplicationAsync("extend", 21);
        var lastDay = DutchCalendar.DayOf(application.SubmittedAtUtc!.Value).AddDays(112);
        var shown = lastDay.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var page = Open(context, application.Id);
        page.WaitForElement("[data-testid=extend]", Wait);

        // Cancelled: nothing changes.
        _ = page.Find("[data-testid=extend]").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains(shown, dialogs.Find("[data-testid=new-last-day]").TextContent, StringComparison.Ordinal), Wait);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Annuleren").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        Assert.Null((await LoadAsync(app, application.Id)).DeadlineExtendedAtUtc);

        _ = page.Find("[data-testid=extend]").ClickAsync(new MouseEventArgs());
        dialogs.WaitForElement("[data-testid=new-last-day]", Wait);
        Assert.Contains("8 weken", dialogs.Find("[data-testid=new-last-day]").TextContent, StringComparison.Ordinal);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-extend]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == $"De beslistermijn is verlengd tot en met {shown}. De aanvrager krijgt hierover een e-mail."), Wait);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=extend]")), Wait);
        Assert.Contains("verlengd", page.Find("[data-testid=deadline]").TextContent, StringComparison.Ordinal);
        Assert.NotNull((await LoadAsync(app, application.Id)).DeadlineExtendedAtUtc);
        Assert.Contains($"uiterlijk op {shown}", Assert.Single((await app.DeliverMailAsync()).MessagesTo(email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendingATermThatAColleagueExtendedMeanwhile_SaysWhyInTheDialog()
    {
        var (application, _) = await NewApplicationAsync("extend-twice", 22);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();
        var page = Open(context, application.Id);
        page.WaitForElement("[data-testid=extend]", Wait);
        _ = page.Find("[data-testid=extend]").ClickAsync(new MouseEventArgs());
        dialogs.WaitForElement("[data-testid=new-last-day]", Wait);
        // A colleague extends it in another window while the dialog asks.
        await ReadAsync(app, async db =>
        {
            var loaded = await db.Applications.Include(a => a.History).Include(a => a.InformationRequests).SingleAsync(a => a.Id == application.Id);
            loaded.ExtendDeadline(Colleague, DecisionDeadlineSettings.Default, Now);
            await db.SaveChangesAsync();
            return true;
        });

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-extend]").ClickAsync(new MouseEventArgs()));

        dialogs.WaitForAssertion(() => Assert.StartsWith("De beslistermijn is al verlengd op", dialogs.Find("[data-testid=extend-problem]").TextContent, StringComparison.Ordinal), Wait);
        Assert.True(dialogs.Find("[data-testid=confirm-extend]").HasAttribute("disabled"));
        Assert.Single((await LoadAsync(app, application.Id)).History, h => h.Kind == ApplicationChangeKind.DeadlineExtended);
    }

    [Fact]
    public async Task AClosedApplication_OffersNoActions_AndShowsTheDecisionAndItsSpot()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.closed@test.example");
        var application = await SubmitAsync(app, resident, arnhem, "Paginawijk", Now.AddDays(-5), houseNumber: 23,
            prepare: a => a.Reject(Colleague, "U heeft een eigen oprit.", Now.AddDays(-1)));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        var page = Open(context, application.Id);

        page.WaitForAssertion(() => Assert.Equal("Afgewezen", page.Find("[data-testid=status]").TextContent), Wait);
        Assert.Equal("U heeft een eigen oprit.", page.Find("[data-testid=decision-text]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=actions]"));
    }

    [Fact]
    public async Task AnOldDecisionAddress_OpensItsDialog_OnceThePageIsLive_AndClosingItLeavesThePageAddress()
    {
        var (application, _) = await NewApplicationAsync("old-address", 24);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();

        var page = Open(context, application.Id, "?besluit=afwijzen");

        dialogs.WaitForElement("[data-testid=templates]", Wait);
        Assert.Contains("Afwijzen", dialogs.Find(".mud-dialog-title").TextContent, StringComparison.Ordinal);
        Assert.EndsWith($"/beheer/aanvragen/{application.Id}?besluit=afwijzen", context.Navigation.Uri, StringComparison.Ordinal);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Annuleren").ClickAsync(new MouseEventArgs()));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        await context.NavigatedToAsync(uri => uri.EndsWith($"/beheer/aanvragen/{application.Id}", StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task AnOldDecisionAddress_OfAnApplicationWaitingForAnAnswer_SaysItCannotBeDecidedNow()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "page.waiting@test.example");
        var application = await SubmitAsync(app, resident, arnhem, "Paginawijk", Now.AddDays(-5), houseNumber: 25,
            prepare: a => a.AskForInformation(Colleague, "Welke auto?", Now.AddDays(-1)));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var dialogs = context.RenderProviders();

        // Nothing on the page changes, so the test watches the snackbars themselves.
        var snackbars = context.Render<MudSnackbarProvider>();

        Open(context, application.Id, "?besluit=goedkeuren");

        snackbars.WaitForAssertion(() => Assert.Contains("Op deze aanvraag kan nu niet worden besloten (status: Wacht op informatie).", snackbars.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Severity == Severity.Warning);
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
    }

    private async Task<(Application Application, string Email)> NewApplicationAsync(string name, int houseNumber)
    {
        var email = $"{name}.page@test.example";
        var resident = await ResidentAsync(app, email, $"Resident {name}");
        var application = await SubmitAsync(app, resident, await ArnhemAsync(app), "Paginawijk", Now.AddDays(-1), houseNumber: houseNumber);
        return (application, email);
    }
}
