using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Portal.Components.BackOffice;
using Portal.Domain.Spots;
using Portal.Features.TrafficOrders;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;
using Portal.Tests.Spots;
using static Portal.Tests.Spots.SpotPageTesting;
using static Portal.Tests.TrafficOrders.TrafficOrderTestData;

namespace Portal.Tests.TrafficOrders;

/// <summary>
/// A published order is changed only by a new order that amends it: on the real app and database, the amending
/// draft may take over the published order's spots (no other order may), and when it is published the spots it
/// dropped are free again; revoked, it gives them back.
/// </summary>
public sealed class AmendingATrafficOrderTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory app;

    public AmendingATrafficOrderTests(PortalAppFactory app)
    {
        this.app = app;
        ReadInDutch();
    }

    [Fact]
    public async Task TheAmendment_TakesOverTheKeptSpot_ReleasesTheDroppedOne_AndGivesItBackWhenRevoked()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var dropped = await app.NewSpotAsync(officer, "Wijzigingsweg 1", status: SpotStatus.Approved, latitudeOffset: 0.41);
        var kept = await app.NewSpotAsync(officer, "Wijzigingsweg 3", status: SpotStatus.Reserved, latitudeOffset: 0.411);
        var added = await app.NewSpotAsync(officer, "Wijzigingsweg 5", status: SpotStatus.Approved, latitudeOffset: 0.412);
        var amendedId = await app.PublishedOrderAsync(officer, arnhem, "Wijziging-origineel", Today.AddDays(-3), dropped, kept);
        var amended = (await app.OrdersAsync(s => s.FindAsync(officer, amendedId)))!;

        var other = await app.OrdersAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Zonder wijziging", Domain.TrafficOrders.TrafficOrderRoute.Direct, [kept, added], Domain.TrafficOrders.SignBoard.E4)));
        Assert.Equal($"De plek Wijzigingsweg 3 staat al in verkeersbesluit {amended.Reference}.", other.Error);

        var draft = await app.OrdersAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Wijziging", Domain.TrafficOrders.TrafficOrderRoute.Direct, [kept, added], Domain.TrafficOrders.SignBoard.E4, amendedId)));
        Assert.True(draft.Succeeded, draft.Error);
        var amendingId = draft.OrderId!.Value;
        Assert.Equal(amendedId, (await app.OrdersAsync(s => s.FindAsync(officer, amendingId)))!.AmendsOrderId);
        Assert.Equal(SpotStatus.Planned, (await app.SpotAsync(dropped)).Status);   // nothing moves while the amendment is a draft

        Assert.Null((await app.OrdersAsync(s => s.RecordPoliceConsultationAsync(officer, amendingId, Today.AddDays(-2), "Geen bezwaar."))).Error);
        Assert.Null((await app.OrdersAsync(s => s.DecideAsync(officer, amendingId, Today.AddDays(-1)))).Error);
        Assert.Null((await app.OrdersAsync(s => s.PublishAsync(officer, amendingId, Domain.TrafficOrders.PublicationChannel.Gemeenteblad, Today, "gmb-wijziging"))).Error);
        var amending = (await app.OrdersAsync(s => s.FindAsync(officer, amendingId)))!;

        var released = await app.SpotAsync(dropped);
        Assert.Equal(SpotStatus.Approved, released.Status);
        Assert.Equal($"{amended.Reference}: vervallen door wijzigingsbesluit {amending.Reference}", released.History.MaxBy(h => h.Id)!.Reason);
        Assert.Equal(SpotStatus.Planned, (await app.SpotAsync(kept)).Status);
        Assert.Equal(SpotStatus.Planned, (await app.SpotAsync(added)).Status);

        // Anyone reading either order on the portal sees that the one changes the other.
        var client = app.CreateClient();
        var (_, amendedPage) = await client.GetPageAsync($"/verkeersbesluiten/{amended.Reference}?gemeente=GM0202");
        Assert.Equal([amending.Reference], amendedPage.QuerySelectorAll("[data-testid=amended-by]").Select(a => a.TextContent));
        Assert.Equal($"/verkeersbesluiten/{amending.Reference}?gemeente=GM0202", amendedPage.QuerySelector("[data-testid=amended-by]")!.GetAttribute("href"));
        var (_, amendingPage) = await client.GetPageAsync($"/verkeersbesluiten/{amending.Reference}?gemeente=GM0202");
        Assert.Equal(amended.Reference, amendingPage.QuerySelector("[data-testid=amends]")!.TextContent);
        Assert.Empty(amendingPage.QuerySelectorAll("[data-testid=amended-by]"));

        Assert.Null((await app.OrdersAsync(s => s.WithdrawAsync(officer, amendingId, "Verkeerd perceel gekozen."))).Error);

        Assert.Equal(SpotStatus.Planned, (await app.SpotAsync(dropped)).Status);
        Assert.Equal(SpotStatus.Planned, (await app.SpotAsync(kept)).Status);
        Assert.Equal(SpotStatus.Approved, (await app.SpotAsync(added)).Status);
    }

    [Fact]
    public async Task RevokingTheAmendedOrder_LeavesTheSpotsTheAmendmentTookOver_AndFreesItsOthers()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var kept = await app.NewSpotAsync(officer, "Herroepweg 1", status: SpotStatus.Approved, latitudeOffset: 0.44);
        var other = await app.NewSpotAsync(officer, "Herroepweg 3", status: SpotStatus.Approved, latitudeOffset: 0.441);
        var dropped = await app.NewSpotAsync(officer, "Herroepweg 5", status: SpotStatus.Approved, latitudeOffset: 0.442);
        var amendedId = await app.PublishedOrderAsync(officer, arnhem, "Herroep-origineel", Today.AddDays(-3), kept, other, dropped);
        var draft = await app.OrdersAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Herroep-wijziging", Domain.TrafficOrders.TrafficOrderRoute.Direct, [kept, other], Domain.TrafficOrders.SignBoard.E4, amendedId)));
        Assert.True(draft.Succeeded, draft.Error);
        Assert.Null((await app.OrdersAsync(s => s.RecordPoliceConsultationAsync(officer, draft.OrderId!.Value, Today.AddDays(-2), "Geen bezwaar."))).Error);
        Assert.Null((await app.OrdersAsync(s => s.DecideAsync(officer, draft.OrderId!.Value, Today.AddDays(-1)))).Error);
        Assert.Null((await app.OrdersAsync(s => s.PublishAsync(officer, draft.OrderId!.Value, Domain.TrafficOrders.PublicationChannel.Gemeenteblad, Today, "gmb-herroep"))).Error);

        Assert.Null((await app.OrdersAsync(s => s.WithdrawAsync(officer, amendedId, "Vervangen door de wijziging."))).Error);

        Assert.Equal(SpotStatus.Planned, (await app.SpotAsync(kept)).Status);
        Assert.Equal(SpotStatus.Planned, (await app.SpotAsync(other)).Status);
        Assert.Equal(SpotStatus.Approved, (await app.SpotAsync(dropped)).Status);
    }

    [Fact]
    public async Task ADraft_CannotBeAmended_ItIsChangedAsADraft()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = await app.NewSpotAsync(officer, "Conceptweg 2", status: SpotStatus.Approved, latitudeOffset: 0.42);
        var draftId = await app.DraftOrderAsync(officer, arnhem, "Nog een concept", spot);
        var reference = (await app.OrdersAsync(s => s.FindAsync(officer, draftId)))!.Reference;

        var step = await app.OrdersAsync(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, "Wijziging", Domain.TrafficOrders.TrafficOrderRoute.Direct, [spot], Domain.TrafficOrders.SignBoard.E4, draftId)));

        Assert.Equal($"Verkeersbesluit {reference} is nog niet gepubliceerd of is ingetrokken; alleen een gepubliceerd of onherroepelijk besluit wordt gewijzigd door een nieuw besluit.", step.Error);
    }

    [Fact]
    public async Task ThePublishedOrdersPage_LeadsToAnAmendingDraft_WithItsSpotsChosen_AndTheTwoLinkEachOther()
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var first = await app.NewSpotAsync(officer, "Koppelweg 1", bays: 2, status: SpotStatus.Approved, latitudeOffset: 0.43);
        var second = await app.NewSpotAsync(officer, "Koppelweg 3", bays: 3, status: SpotStatus.Approved, latitudeOffset: 0.431);
        var amendedId = await app.PublishedOrderAsync(officer, arnhem, "Koppeling", Today.AddDays(-2), first, second);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        context.JSInterop.SetupModule(BackOfficeMap.ModulePath);

        var orderPage = context.Render<TrafficOrderPage>(p => p.Add(o => o.Id, amendedId));
        orderPage.WaitForElement("#step-amend", Wait);
        Assert.Equal($"/beheer/verkeersbesluiten/nieuw?wijzigt={amendedId}", orderPage.Find("#step-amend").GetAttribute("href"));

        context.Navigation.NavigateTo($"/beheer/verkeersbesluiten/nieuw?wijzigt={amendedId}");
        var page = context.Render<NewTrafficOrderPage>();
        page.WaitForAssertion(() => Assert.Equal("2 plekken gekozen, 5 parkeervakken", page.Find("[data-testid=chosen-count]").TextContent.Trim()), Wait);
        Assert.Contains("wijzigt verkeersbesluit", page.Find("[data-testid=amending]").TextContent, StringComparison.Ordinal);
        await page.TypeAsync("#spot-filter", "Koppelweg 1");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr input[type=checkbox]")), Wait);
        await page.Find("tbody tr input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = false });
        page.WaitForAssertion(() => Assert.Equal("1 plek gekozen, 3 parkeervakken", page.Find("[data-testid=chosen-count]").TextContent.Trim()), Wait);
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Concept opstellen").ClickAsync(new());

        var address = await context.NavigatedToAsync(uri => Regex.IsMatch(uri, "/beheer/verkeersbesluiten/[0-9a-f-]{36}$"), Wait);
        var amendingId = Guid.Parse(address[^36..]);
        var amending = (await app.OrdersAsync(s => s.FindAsync(officer, amendingId)))!;
        Assert.Equal((amendedId, "Koppeling"), (amending.AmendsOrderId!.Value, amending.Title));
        Assert.Equal([second], amending.Locations.Select(l => l.SpotId));

        var amendingPage = context.Render<TrafficOrderPage>(p => p.Add(o => o.Id, amendingId));
        amendingPage.WaitForElement("[data-testid=amends]", Wait);
        Assert.EndsWith(amendedId.ToString(), amendingPage.Find("[data-testid=amends]").GetAttribute("href"), StringComparison.Ordinal);
        var amendedPage = context.Render<TrafficOrderPage>(p => p.Add(o => o.Id, amendedId));
        amendedPage.WaitForAssertion(() => Assert.Equal($"Gewijzigd door {amending.Reference}", amendedPage.Find("[data-testid=amended-by]").TextContent.Trim()), Wait);
    }
}
