using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.Spots;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// A proactive roll-out in a real browser, from chosen spots to a final order. The officer builds a collection
/// order of 50 spots from the map and its table and takes it through police consultation and decision. The order
/// is recorded as published in the journal seven weeks ago (the officer enters the day it appeared), so its six
/// weeks for objections have passed. A resident objects on a phone without script, is told the objection is late
/// (Awb 6:11), the officer judges it admissible and decides it unfounded, and the order becomes final at once:
/// the spots are ready for installation, the public list and map say so, and the applicant whose application
/// led to a spot was mailed at publication and at finality.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class TrafficOrderJourneyTests(PortalServer portal)
{
    private const string Street = "Uitrolstraat";

    /// <summary>A step saves the order and reloads its page with fifty locations: on a busy machine more than the default five seconds.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Step = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions StepContains = new() { Timeout = 30_000 };

    private static readonly DateOnly Today = DutchCalendar.Day(DateTime.UtcNow);

    [Fact]
    public async Task TheOfficer_OrdersFiftySpots_PublishesTheOrder_DecidesAResidentsObjection_AndTheOrderBecomesFinal()
    {
        var applicant = SeedApprovedSpots(50);
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

        // The order page: its steps, each in a dialog, with the dates of seven weeks ago.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/beheer/verkeersbesluiten/[0-9a-f-]{36}$"));
        await Journey.WaitForCircuitAsync(page);
        var status = page.Locator("[data-testid=order-status]");
        await Assertions.Expect(status).ToHaveTextAsync("Concept");
        var reference = ReferenceIn(await page.Locator("h1").TextContentAsync() ?? "");
        await Assertions.Expect(page.Locator("[data-testid=order-locations] tbody tr")).ToHaveCountAsync(50);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#step-police").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await FillDateAsync(dialog, Today.AddDays(-60));
        await dialog.Locator("#step-text").FillAsync("Geen bezwaren; let op de bussen op nr. 20-30.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Politie geraadpleegd", Step);

        await page.Locator("#step-decide").ClickAsync();
        await FillDateAsync(dialog, Today.AddDays(-50));
        await dialog.Locator("#step-confirm").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Genomen", Step);

        await page.Locator("#step-publish").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=step-warning]")).ToContainTextAsync("Awb 6:8");
        await FillDateAsync(dialog, Today.AddDays(-49));
        await dialog.Locator("#step-journal").FillAsync("https://zoek.officielebekendmakingen.nl/gmb-2026-500001.html");
        await dialog.Locator("#step-confirm").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Gepubliceerd", Step);
        await Assertions.Expect(page.Locator("[data-testid=order-locations]")).ToContainTextAsync("Gepland (verkeersbesluit)");
        Assert.Equal(50, portal.Read(db => db.Spots.Count(s => s.Address.StartsWith(Street) && s.Status == SpotStatus.Planned)));

        // A resident objects on a phone, without script, from the order's public page.
        var resident = await portal.NewPageAsync(javaScript: false);
        await resident.SetViewportSizeAsync(390, 844);
        await resident.GotoAsync($"/verkeersbesluiten?zoek={Street}");
        var planned = resident.Locator("[data-testid=planned-locations] tbody tr");
        await Assertions.Expect(planned).ToHaveCountAsync(50);
        await Assertions.Expect(planned.First).ToContainTextAsync("Gepland: bezwaren worden behandeld");
        await Accessibility.AssertNoSeriousViolationsWithScriptAsync(resident, portal);
        await resident.Locator("[data-testid=planned-locations] a").First.ClickAsync();
        await Assertions.Expect(resident).ToHaveURLAsync(new Regex($"/verkeersbesluiten/{reference}\\?gemeente=GM0202$"));
        await Assertions.Expect(resident.Locator("[data-testid=locations] tbody tr")).ToHaveCountAsync(50);
        await resident.Locator("[data-testid=respond]").ClickAsync();
        await Assertions.Expect(resident.Locator("[data-testid=late-notice]")).ToBeVisibleAsync();
        await resident.GetByLabel("Naam").FillAsync("Bea Bezwaar");
        await resident.GetByLabel("Adres", new() { Exact = true }).FillAsync("Uitrolstraat 12, 6800 AA Arnhem");
        await resident.GetByLabel("E-mailadres").FillAsync("bea@bezwaar.test");
        await resident.Locator("#grounds").FillAsync("Vijftig plekken in één straat laat bewoners zonder elektrische auto geen ruimte.");
        await Accessibility.AssertNoSeriousViolationsWithScriptAsync(resident, portal);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Bezwaar indienen" }).ClickAsync();
        var objection = (await resident.Locator("[data-testid=objection-reference]").TextContentAsync())!.Trim();
        Assert.Matches(@"^BZ-\d{4}-\d{4}$", objection);
        await Assertions.Expect(resident.Locator("[data-testid=late]")).ToBeVisibleAsync();

        // The officer sees it on the order, judges it admissible, and decides it unfounded: the order becomes final.
        await page.ReloadAsync();
        await Journey.WaitForCircuitAsync(page);
        await Assertions.Expect(status).ToHaveTextAsync("Bezwaren ontvangen", Step);
        var row = page.Locator($"[data-objection='{objection}']");
        await Assertions.Expect(row.Locator("[data-testid=late]")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Acties voor {objection}" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Ontvankelijkheid beoordelen" }).ClickAsync();
        await dialog.Locator("#admissible-yes").ClickAsync();
        await dialog.Locator("#step-text").FillAsync("De late indiening is verschoonbaar: de bekendmaking was in de vakantie.");
        await dialog.Locator("[data-testid=step-confirm]").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Ontvankelijk", StepContains);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Acties voor {objection}" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Beslissen op bezwaar" }).ClickAsync();
        await ChooseAsync(page, dialog.Locator("#decide-outcome"), "ongegrond");
        await ChooseAsync(page, dialog.Locator("#decide-consequence"), "het verkeersbesluit blijft in stand");
        await dialog.Locator("#step-text").FillAsync("De straat houdt na de inrichting voldoende vrije parkeerplaatsen; de parkeerdruk is gemeten.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Brief bekijken" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=letter-preview]")).ToContainTextAsync("Bea Bezwaar", StepContains);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await dialog.Locator("[data-testid=step-confirm]").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Onherroepelijk", Step);
        Assert.Equal(50, portal.Read(db => db.Spots.Count(s => s.Address.StartsWith(Street) && s.Status == SpotStatus.ReadyForInstallation)));

        // The public list and map follow.
        await resident.GotoAsync($"/verkeersbesluiten?zoek={Street}");
        await Assertions.Expect(planned.First).ToContainTextAsync("Gepland: verkeersbesluit onherroepelijk");
        var map = await portal.NewPageAsync();
        await map.GotoAsync("/kaart?adres=Uitrolstraat");
        await Assertions.Expect(map.Locator("#toggle-verkeersbesluiten")).ToBeCheckedAsync();
        await map.EvaluateAsync("() => window.portalMap.setView([52.05, 5.95], 18)");
        var marker = map.Locator(".portal-marker--order-final").First;
        await Assertions.Expect(marker).ToBeVisibleAsync();
        await marker.DispatchEventAsync("click");
        await Assertions.Expect(map.Locator(".leaflet-popup-content")).ToContainTextAsync("Gepland: verkeersbesluit onherroepelijk");

        // Every mail: the applicant at publication and at finality, the objector's acknowledgement and decision.
        var applicantMail = portal.Read(db => db.OutboxMails.Where(m => m.ToAddress == applicant).Select(m => m.Subject).ToList());
        Assert.Contains($"Verkeersbesluit {reference} voor uw laadplek is bekendgemaakt", applicantMail);
        Assert.Contains($"Verkeersbesluit {reference} voor uw laadplek is definitief", applicantMail);
        var objectorMail = portal.Read(db => db.OutboxMails.Where(m => m.ToAddress == "bea@bezwaar.test").Select(m => m.Subject).ToList());
        Assert.Equal(2, objectorMail.Count);
        Assert.All(objectorMail, subject => Assert.Contains(objection, subject, StringComparison.Ordinal));

        await page.Context.CloseAsync();
        await resident.Context.CloseAsync();
        await map.Context.CloseAsync();
    }

    /// <summary>Types a day into the step dialog's date field as an officer would, and leaves the field.</summary>
    private static async Task FillDateAsync(ILocator dialog, DateOnly day)
    {
        var input = dialog.Locator("input#step-date, #step-date input").First;
        await input.FillAsync(day.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await input.BlurAsync();
        await Assertions.Expect(input).ToHaveValueAsync(day.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
    }

    /// <summary>Opens a select in the dialog and picks the option with the text.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
        await Assertions.Expect(select).ToHaveValueAsync(option);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// The roll-out plan's spots, checked and approved, about 30 m apart along one street; the first is where a
    /// demo application in Arnhem was approved. Returns that applicant's e-mail address.
    /// </summary>
    private string SeedApprovedSpots(int count) => portal.Read(db =>
    {
        var arnhem = db.Municipalities.Single(m => m.Name == "Arnhem").Id;
        var actor = new SpotActor("e2e", "Uitrolplan");
        var spots = new List<Spot>();
        for (var number = 1; number <= count; number++)
        {
            var spot = Spot.Create(arnhem, Coordinate.FromWgs84(52.05 + number * 0.0003, 5.95), new SpotDetails($"{Street} {number}", 2, SpotSetUp.OnPavement, 150, 40, true, null), actor, DateTime.UtcNow);
            spot.ChangeStatus(SpotStatus.Approved, actor, DateTime.UtcNow, "Getoetst in het uitrolplan");
            db.Spots.Add(spot);
            spots.Add(spot);
        }
        var application = db.Applications.Include(a => a.History).Include(a => a.InformationRequests).AsSplitQuery()
            .Where(a => a.MunicipalityId == arnhem && a.ApplicantUserId != null && a.Status == ApplicationStatus.Submitted)
            .OrderBy(a => a.Reference).First();
        application.Approve(new ApplicationActor("e2e", "Uitrolplan"), spots[0].Id, "Goedgekeurd in het uitrolplan.", DateTime.UtcNow);
        db.SaveChanges();
        return db.Users.Where(u => u.Id == application.ApplicantUserId).Select(u => u.Email!).Single();
    });

    private static string ReferenceIn(string heading) => OrderReference().Match(heading).Value;

    [GeneratedRegex(@"VB-\d{4}-\d{4}")]
    private static partial Regex OrderReference();
}
