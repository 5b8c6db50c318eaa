using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Geography;
using Portal.Domain.Spots;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// A proactive roll-out in a real browser: the officer builds a collection order of 50 spots from the map and its
/// table, takes it through police consultation and decision, records the publication in the journal, and the public
/// map and its list show the spots as planned with the last day for objections.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class TrafficOrderJourneyTests(PortalServer portal)
{
    private const string Street = "Uitrolstraat";

    /// <summary>A step saves the order and reloads its page with fifty locations: on a busy machine more than the default five seconds.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Step = new() { Timeout = 30_000 };

    [Fact]
    public async Task TheOfficer_OrdersFiftySpotsAtOnce_PublishesTheOrder_AndThePublicSeesThemPlanned()
    {
        SeedApprovedSpots(50);
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, "ambtenaar@demo.example", PortalServer.DemoPassword);

        // Draft: the fifty spots of the street through the table, one of them off and on again on the map.
        await page.GotoAsync("/beheer/verkeersbesluiten/nieuw");
        await Journey.WaitForCircuitAsync(page);
        await page.GetByLabel("Titel").FillAsync("Laadplekken Uitrolstraat");
        await page.Locator("#spot-filter").FillAsync(Street);
        var rows = page.Locator("tbody tr", new() { HasText = Street });
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await page.Locator("thead input[type=checkbox]").CheckAsync();
        var chosen = page.Locator("[data-testid=chosen-count]");
        await Assertions.Expect(chosen).ToHaveTextAsync("50 plekken gekozen, 100 parkeervakken");
        var pin = page.Locator($".backoffice-map__pin[aria-label='{Street} 7']");
        await pin.DispatchEventAsync("click");
        await Assertions.Expect(chosen).ToHaveTextAsync("49 plekken gekozen, 98 parkeervakken");
        await pin.DispatchEventAsync("click");
        await Assertions.Expect(chosen).ToHaveTextAsync("50 plekken gekozen, 100 parkeervakken");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opstellen" }).ClickAsync();

        // The order page: its steps, each in a dialog.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/beheer/verkeersbesluiten/[0-9a-f-]{36}$"));
        await Journey.WaitForCircuitAsync(page);
        var status = page.Locator("[data-testid=order-status]");
        await Assertions.Expect(status).ToHaveTextAsync("Concept");
        var reference = ReferenceIn(await page.Locator("h1").TextContentAsync() ?? "");
        await Assertions.Expect(page.Locator("[data-testid=order-locations] tbody tr")).ToHaveCountAsync(50);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#step-police").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#step-text").FillAsync("Geen bezwaren; let op de bussen op nr. 20-30.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Politie geraadpleegd", Step);

        await page.Locator("#step-decide").ClickAsync();
        await dialog.Locator("#step-confirm").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Genomen", Step);

        await page.Locator("#step-publish").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=step-warning]")).ToContainTextAsync("Awb 6:8");
        await dialog.Locator("#step-journal").FillAsync("https://zoek.officielebekendmakingen.nl/gmb-2026-500001.html");
        await dialog.Locator("#step-confirm").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Gepubliceerd", Step);
        await Assertions.Expect(page.Locator("[data-testid=objection-term]")).ToContainTextAsync("nog 4");
        await Assertions.Expect(page.Locator("[data-testid=order-locations]")).ToContainTextAsync("Gepland (verkeersbesluit)");
        Assert.Equal(50, portal.Read(db => db.Spots.Count(s => s.Address.StartsWith(Street) && s.Status == SpotStatus.Planned)));

        // The public list of planned bays (no script needed), and the same on the map.
        var resident = await portal.NewPageAsync(javaScript: false);
        await resident.GotoAsync($"/verkeersbesluiten?zoek={Street}");
        await Assertions.Expect(resident.Locator("[data-testid=planned-locations] tbody tr")).ToHaveCountAsync(50);
        await Assertions.Expect(resident.Locator("[data-testid=planned-locations] tbody tr").First).ToContainTextAsync("Gepland: bezwaar mogelijk tot en met");
        await Assertions.Expect(resident.Locator("[data-testid=planned-locations] a").First).ToHaveAttributeAsync("href", $"/verkeersbesluiten/{reference}?gemeente=GM0202");
        await Accessibility.AssertNoSeriousViolationsAsync(resident);

        var map = await portal.NewPageAsync();
        await map.GotoAsync("/kaart?adres=Uitrolstraat");
        await Assertions.Expect(map.Locator("#toggle-verkeersbesluiten")).ToBeCheckedAsync();
        await map.EvaluateAsync("() => window.portalMap.setView([52.05, 5.95], 18)");
        await Assertions.Expect(map.Locator(".portal-marker--order-open").First).ToBeVisibleAsync();
        await map.Locator(".portal-marker--order-open").First.DispatchEventAsync("click");
        await Assertions.Expect(map.Locator(".leaflet-popup-content")).ToContainTextAsync("Gepland: bezwaar mogelijk tot en met");

        await page.Context.CloseAsync();
        await resident.Context.CloseAsync();
        await map.Context.CloseAsync();
    }

    /// <summary>The roll-out plan's spots, checked and approved, about 30 m apart along one street.</summary>
    private void SeedApprovedSpots(int count) => portal.Read(db =>
    {
        var arnhem = db.Municipalities.Single(m => m.Name == "Arnhem").Id;
        var actor = new SpotActor("e2e", "Uitrolplan");
        for (var number = 1; number <= count; number++)
        {
            var spot = Spot.Create(arnhem, Coordinate.FromWgs84(52.05 + number * 0.0003, 5.95), new SpotDetails($"{Street} {number}", 2, SpotSetUp.OnPavement, 150, 40, true, null), actor, DateTime.UtcNow);
            spot.ChangeStatus(SpotStatus.Approved, actor, DateTime.UtcNow, "Getoetst in het uitrolplan");
            db.Spots.Add(spot);
        }
        return db.SaveChanges();
    });

    private static string ReferenceIn(string heading) => OrderReference().Match(heading).Value;

    [GeneratedRegex(@"VB-\d{4}-\d{4}")]
    private static partial Regex OrderReference();
}
