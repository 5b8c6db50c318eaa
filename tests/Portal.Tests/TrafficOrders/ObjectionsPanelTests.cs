using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders;
using Portal.Features.TrafficOrders.Objections;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TrafficOrders;

/// <summary>The objections panel of the order page (bUnit) over the real portal and database: the list with its clock, and a step through its dialog.</summary>
public sealed class ObjectionsPanelTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static DateOnly Today => DutchCalendar.Day(DateTime.UtcNow);

    private async Task<T> CallAsync<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<Guid> PublishedOrderAsync(string title, DateOnly publishedOn, double offset)
    {
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var spot = await OfficerTestData.ReadAsync(app, async db =>
        {
            var actor = new SpotActor("test", "Test");
            var s = Spot.Create(arnhem, Coordinate.FromWgs84(OfficerTestData.ParkLatitude + offset, OfficerTestData.ParkLongitude),
                new SpotDetails($"{title} 1", 1, SpotSetUp.OnPavement, null, null, null, null), actor, DateTime.UtcNow);
            s.ChangeStatus(SpotStatus.Approved, actor, DateTime.UtcNow, "Getoetst");
            db.Spots.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var id = (await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, title, TrafficOrderRoute.Direct, [spot], SignBoard.E4)))).OrderId!.Value;
        await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.RecordPoliceConsultationAsync(officer, id, publishedOn.AddDays(-5), "Akkoord."));
        await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.DecideAsync(officer, id, publishedOn.AddDays(-1)));
        Assert.Null((await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.PublishAsync(officer, id, PublicationChannel.Gemeenteblad, publishedOn, "gmb-paneel-" + title))).Error);
        return id;
    }

    [Fact]
    public async Task ThePanel_ShowsTheClock_AndExtendingThroughItsDialog_MovesTheLastDaySixWeeks()
    {
        var publishedOn = Today.AddDays(-3);
        var orderId = await PublishedOrderAsync("Paneel", publishedOn, 0.0201);
        var receipt = await CallAsync<ObjectionService, ObjectionReceipt>(s => s.ReceiveAsync(orderId, ObjectionKind.Objection,
            new ObjectionForm { Name = "Paula Paneel", Address = "Weg 1", Email = "paula@paneel.test", Grounds = "Geen plek." }, []));
        var lastDay = TermsCalendar.Default.LastDay(AwbTerms.Objection(publishedOn, TermsCalendar.Default).LastDay.AddDays(42));
        var extended = TermsCalendar.Default.LastDay(AwbTerms.Objection(publishedOn, TermsCalendar.Default).LastDay.AddDays(84));
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");   // as the request localization sets it
        var popovers = context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();

        var panel = context.Render<ObjectionsPanel>(p => p.Add(x => x.OrderId, orderId));

        panel.WaitForElement($"[data-objection='{receipt.Reference}']", Wait);
        var row = Text(panel.Find($"[data-objection='{receipt.Reference}']"));
        var day = lastDay.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl"));
        Assert.True(row.Contains($"beslissen uiterlijk {day}, nog {lastDay.DayNumber - Today.DayNumber} dagen", StringComparison.Ordinal), row);
        Assert.Contains("Nog niet beoordeeld", row, StringComparison.Ordinal);
        Assert.DoesNotContain("te laat", row, StringComparison.Ordinal);

        await panel.InvokeAsync(() => panel.Find($"[data-objection='{receipt.Reference}'] button").ClickAsync(new MouseEventArgs()));
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-menu-item"), i => i.TextContent.Contains("Beslistermijn verlengen", StringComparison.Ordinal)), Wait);
        // Not awaited: the click's handler waits for the dialog to close.
        _ = popovers.FindAll(".mud-menu-item").First(i => i.TextContent.Contains("Beslistermijn verlengen", StringComparison.Ordinal)).ClickAsync(new MouseEventArgs());
        dialogs.WaitForElement("[data-testid=step-confirm]", Wait);
        Assert.Contains("eenmalig met zes weken verlengd", dialogs.Find("[data-testid=step-prompt]").TextContent, StringComparison.Ordinal);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=step-confirm]").ClickAsync(new MouseEventArgs()));

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        var extendedDay = extended.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl"));
        panel.WaitForAssertion(() => Assert.Contains($"beslissen uiterlijk {extendedDay}", Text(panel.Find($"[data-objection='{receipt.Reference}']")), StringComparison.Ordinal), Wait);
        Assert.Contains("verlengd", panel.Find($"[data-objection='{receipt.Reference}']").TextContent, StringComparison.Ordinal);
        var objection = (await CallAsync<ObjectionService, (TrafficOrder Order, Objection Objection)?>(s => s.FindAsync(context.Authentication.GetAuthenticationStateAsync().Result.User, receipt.ObjectionId)))!.Value.Objection;
        Assert.Equal(Today, objection.DecisionTermExtendedOn);
    }

    private static string Text(AngleSharp.Dom.IElement element) => System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ");

    [Fact]
    public async Task AnOrderWithoutObjections_SaysSo()
    {
        var orderId = await PublishedOrderAsync("Leeg paneel", Today.AddDays(-1), 0.0211);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();

        var panel = context.Render<ObjectionsPanel>(p => p.Add(x => x.OrderId, orderId));

        panel.WaitForAssertion(() => Assert.Equal("Er zijn nog geen bezwaren of zienswijzen ontvangen.", panel.Find("[data-testid=objections-empty]").TextContent), Wait);
    }
}
