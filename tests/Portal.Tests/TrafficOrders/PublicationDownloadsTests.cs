using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders;
using Portal.Features.TrafficOrders.Publishing;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TrafficOrders;

/// <summary>The component the order page embeds (bUnit): the text choices, the package's links and the sign register's.</summary>
public sealed class PublicationDownloadsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private async Task<Guid> DraftAsync()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = await OfficerTestData.ReadAsync(app, async db =>
        {
            var actor = new SpotActor("test", "Test");
            var created = Spot.Create(arnhem, Coordinate.FromWgs84(OfficerTestData.ParkLatitude + 0.02, OfficerTestData.ParkLongitude),
                new SpotDetails("Keuzestraat 8", 2, SpotSetUp.OnPavement, null, null, null, null), actor, DateTime.UtcNow);
            created.ChangeStatus(SpotStatus.Approved, actor, DateTime.UtcNow, "Getoetst");
            db.Spots.Add(created);
            await db.SaveChangesAsync();
            return created.Id;
        });
        await using var scope = app.App.Services.CreateAsyncScope();
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var step = await scope.ServiceProvider.GetRequiredService<TrafficOrderService>().DraftAsync(officer, new TrafficOrderDraft(arnhem, "Keuzes", TrafficOrderRoute.Direct, [spot], SignBoard.E8));
        return step.OrderId!.Value;
    }

    [Fact]
    public async Task TheOfficer_ChoosesTheInterests_SeesThemInThePreview_AndGetsTheDownloadLinks()
    {
        var id = await DraftAsync();
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        var panel = context.Render<PublicationDownloads>(p => p.Add(c => c.OrderId, id));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=download-pdf]")), Wait);

        Assert.StartsWith($"/beheer/verkeersbesluiten/{id}/publicatie.pdf?publicatiedatum=", panel.Find("[data-testid=download-pdf]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal($"/beheer/verkeersbesluiten/{id}/borden.csv", panel.Find("[data-testid=signs-csv]").GetAttribute("href"));
        Assert.True(panel.Find("[data-testid=interest-RoadSafety]").HasAttribute("checked"));   // the usual choice until the officer chooses

        await panel.Find("[data-testid=interest-PreventingNuisance]").ChangeAsync(new ChangeEventArgs { Value = true });
        await panel.Find("#publication-motivation").ChangeAsync(new ChangeEventArgs { Value = "Veel zoekverkeer in de straat." });
        await panel.Find("[data-testid=save-choices]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De keuzes voor de tekst zijn opgeslagen."), Wait);
        var choices = await OfficerTestData.ReadAsync(app, db => db.OrderTextChoices.SingleAsync(c => c.TrafficOrderId == id));
        Assert.Contains(Portal.Domain.TrafficOrders.OrderTexts.RoadTrafficInterest.PreventingNuisance, choices.Interests);
        Assert.Equal("Veel zoekverkeer in de straat.", choices.Motivation);
        Assert.Contains("Veel zoekverkeer in de straat.", panel.Markup, StringComparison.Ordinal);
    }
}
