using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Spots;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Applications;

public sealed class OfficerDecisionTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AskingForInformation_PausesTheClock_AndMailsTheQuestion()
    {
        var (application, email) = await NewApplicationAsync("ask", 1);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var page = await DecideAsync(officer, application.Id, "informatie", new() { ["Form.Text"] = "Stuur uw leasecontract mee, graag." });

        Assert.Equal("Wacht op informatie", page.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Contains("gepauzeerd", page.QuerySelector("[data-testid=deadline]")!.TextContent, StringComparison.Ordinal);
        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.WaitingForInformation, saved.Status);
        Assert.Equal("Stuur uw leasecontract mee, graag.", saved.OpenInformationRequest!.Question);
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Wacht op uw informatie", mail, StringComparison.Ordinal);
        Assert.Contains("Stuur uw leasecontract mee, graag.", mail, StringComparison.Ordinal);
        Assert.Contains($"/aanvragen/{application.Id}", mail, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=decisions]"));
    }

    [Fact]
    public async Task ApprovingOntoANewSpot_CreatesAndLinksTheSpot_AndMailsTheOfficersText()
    {
        var (application, email) = await NewApplicationAsync("approve", 2);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var page = await DecideAsync(officer, application.Id, "goedkeuren",
            new() { ["Form.Spot"] = "nieuw", ["Form.Text"] = "De laadpaal komt voor nummer 2; planning volgt in het voorjaar." });

        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.Approved, saved.Status);
        var spot = await ReadAsync(app, db => db.Spots.AsNoTracking().Include(s => s.History).SingleAsync(s => s.Id == saved.SpotId));
        Assert.Equal($"Aanvraag {application.Reference}", spot.Notes);
        Assert.Equal(SpotStatus.Reserved, spot.Status);
        Assert.Contains(spot.History, h => h.Kind == SpotChangeKind.StatusChanged && h.From == "Candidate" && h.To == "Reserved" && h.Reason == $"Aanvraag {application.Reference} toegekend");
        Assert.Equal(application.Latitude, spot.Latitude, 6);
        Assert.Equal($"/beheer/plekken/{spot.Id}", page.QuerySelector("[data-testid=spot-link]")!.GetAttribute("href"));
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("Toegekend", mail, StringComparison.Ordinal);
        Assert.Contains("De laadpaal komt voor nummer 2; planning volgt in het voorjaar.", mail, StringComparison.Ordinal);
        var approval = saved.History.Single(h => h.To == ApplicationStatus.Approved);
        Assert.Equal("Olaf Ambtenaar", approval.ByName);
        Assert.Equal("De laadpaal komt voor nummer 2; planning volgt in het voorjaar.", approval.Reason);
    }

    [Fact]
    public async Task ReferringToACharger_ListsNearbyChargePointsNearestFirst_AndRecordsTheChoice()
    {
        var (application, email) = await NewApplicationAsync("refer", 3);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, form) = await officer.GetPageAsync($"/beheer/aanvragen/{application.Id}/besluit/verwijzen");
        var options = form.QuerySelectorAll<IHtmlInputElement>("input[name='Form.ChargeLocation']").ToList();
        Assert.NotEmpty(options);
        var chosen = options[0].Value;

        await DecideAsync(officer, application.Id, "verwijzen", new() { ["Form.ChargeLocation"] = chosen, ["Form.Text"] = "Laad bij de paal aan de Zijpendaalseweg." });

        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.ReferredToExistingPoint, saved.Status);
        Assert.Equal(Guid.Parse(chosen), saved.ReferredChargeLocationId);
        Assert.Contains("Laad bij de paal aan de Zijpendaalseweg.", Assert.Single((await app.DeliverMailAsync()).MessagesTo(email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectingFromATemplate_SendsTheEditedText()
    {
        var (application, email) = await NewApplicationAsync("reject", 4);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, templates) = await officer.GetPageAsync($"/beheer/aanvragen/{application.Id}/besluit/afwijzen");
        // The demo policy of Arnhem has five reject reasons.
        Assert.Equal(5, templates.QuerySelectorAll("[data-testid=templates] a").Length);

        var (_, prefilled) = await officer.GetPageAsync($"/beheer/aanvragen/{application.Id}/besluit/afwijzen?sjabloon=1");
        var template = prefilled.QuerySelector<IHtmlTextAreaElement>("#text")!.Value;
        Assert.StartsWith("U heeft een eigen oprit, garage of parkeerplaats.", template, StringComparison.Ordinal);
        var edited = template + " Uw oprit aan de achterzijde is op de luchtfoto te zien.";

        await DecideAsync(officer, application.Id, "afwijzen", new() { ["Form.Text"] = edited }, prefilled);

        var saved = await LoadAsync(app, application.Id);
        Assert.Equal(ApplicationStatus.Rejected, saved.Status);
        Assert.Equal(edited, saved.DecisionText);
        Assert.Contains("Uw oprit aan de achterzijde is op de luchtfoto te zien.", Assert.Single((await app.DeliverMailAsync()).MessagesTo(email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheTextAfterThePreview_ShowsANewPreview_InsteadOfDeciding()
    {
        var (application, email) = await NewApplicationAsync("preview", 5);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, form) = await officer.GetPageAsync($"/beheer/aanvragen/{application.Id}/besluit/afwijzen");

        var first = await officer.SubmitAsync(form, "decision", new Dictionary<string, string> { ["Form.Text"] = "Eerste versie." });
        var (_, preview) = await officer.FollowAsync(first);
        Assert.Contains("Eerste versie.", preview.QuerySelector("[data-testid=mail-preview]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Afgewezen", preview.QuerySelector("[data-testid=mail-preview]")!.TextContent, StringComparison.Ordinal);

        var second = await officer.SubmitAsync(preview, "decision", new Dictionary<string, string> { ["Form.Text"] = "Tweede versie." });
        var (_, again) = await officer.FollowAsync(second);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Tweede versie.", again.QuerySelector("[data-testid=mail-preview]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, (await LoadAsync(app, application.Id)).Status);
        Assert.Empty((await app.DeliverMailAsync()).MessagesTo(email));
    }

    [Theory]
    [InlineData(SpotStatus.Candidate, SpotStatus.Reserved)]
    [InlineData(SpotStatus.Approved, SpotStatus.Approved)]
    public async Task ApprovingOntoAnExistingSpot_ReservesACandidate_AndLeavesASpotFurtherAlong(SpotStatus status, SpotStatus expected)
    {
        var (application, _) = await NewApplicationAsync($"existing-{status}", status == SpotStatus.Candidate ? 7 : 8);
        var spotId = await ReadAsync(app, async db =>
        {
            var actor = new SpotActor("test", "Test");
            var spot = Spot.Create(application.MunicipalityId, application.Point,
                new SpotDetails($"Bestaande plek {status}", 2, SpotSetUp.OnPavement, null, null, null, null), actor, Now);
            if (status != SpotStatus.Candidate)
                spot.ChangeStatus(status, actor, Now, null);
            db.Spots.Add(spot);
            await db.SaveChangesAsync();
            return spot.Id;
        });
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        await DecideAsync(officer, application.Id, "goedkeuren", new() { ["Form.Spot"] = spotId.ToString(), ["Form.Text"] = "Uw laadpaal komt op de bestaande plek." });

        Assert.Equal(spotId, (await LoadAsync(app, application.Id)).SpotId);
        Assert.Equal(expected, (await ReadAsync(app, db => db.Spots.AsNoTracking().SingleAsync(s => s.Id == spotId))).Status);
    }

    [Fact]
    public async Task TheDeadline_CanBeExtendedOnce_AndTheResidentIsToldTheNewLastDay()
    {
        var (application, email) = await NewApplicationAsync("extend", 6);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, page) = await officer.GetPageAsync($"/beheer/aanvragen/{application.Id}");
        var before = page.QuerySelector("[data-testid=deadline]")!.TextContent;

        var (_, extended) = await officer.FollowAsync(await officer.SubmitAsync(page, "extend", new Dictionary<string, string>()));
        // The button is gone; a stale form posted again is refused and changes nothing.
        var again = await officer.SubmitAsync(page, "extend", new Dictionary<string, string>());

        Assert.Contains("verlengd", extended.QuerySelector("[data-testid=deadline]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(before, extended.QuerySelector("[data-testid=deadline]")!.TextContent);
        Assert.DoesNotContain("Beslistermijn verlengen", extended.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var saved = await LoadAsync(app, application.Id);
        Assert.Single(saved.History, h => h.Kind == ApplicationChangeKind.DeadlineExtended);
        // Submitted one day ago: 8 + 8 weeks after the day of submission.
        var lastDay = Portal.Domain.Common.DutchCalendar.DayOf(saved.SubmittedAtUtc!.Value).AddDays(112);
        Assert.Equal(lastDay, saved.Deadline(DecisionDeadlineSettings.Default)!.LastDayUtc(DateTime.UtcNow));
        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo(email));
        Assert.Contains("beslistermijn verlengd", mail, StringComparison.Ordinal);
        Assert.Contains($"uiterlijk op {lastDay.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}", mail, StringComparison.Ordinal);
        Assert.Contains($"/aanvragen/{application.Id}", mail, StringComparison.Ordinal);
    }

    private async Task<(Application Application, string Email)> NewApplicationAsync(string name, int houseNumber)
    {
        var email = $"{name}.decision@test.example";
        var resident = await ResidentAsync(app, email, $"Resident {name}");
        var application = await SubmitAsync(app, resident, await ArnhemAsync(app), "Besluitwijk", Now.AddDays(-1), houseNumber: 100 + houseNumber);
        return (application, email);
    }

    /// <summary>Fills in the decision form, checks the mail preview, confirms, and returns the application page it lands on.</summary>
    private static async Task<AngleSharp.Dom.IDocument> DecideAsync(PortalClient officer, Guid id, string slug, Dictionary<string, string> fields, AngleSharp.Dom.IDocument? form = null)
    {
        form ??= (await officer.GetPageAsync($"/beheer/aanvragen/{id}/besluit/{slug}")).Document;
        var previewResponse = await officer.SubmitAsync(form, "decision", fields);
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        var (_, preview) = await officer.FollowAsync(previewResponse);
        Assert.NotNull(preview.QuerySelector("[data-testid=mail-preview]"));
        Assert.Contains(fields["Form.Text"], preview.QuerySelector("[data-testid=mail-preview]")!.TextContent, StringComparison.Ordinal);

        var confirmed = await officer.SubmitAsync(preview, "decision", fields);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var (_, page) = await officer.FollowAsync(confirmed);
        return page;
    }
}
