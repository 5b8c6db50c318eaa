using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Operators;
using Portal.Integration.Accounts;
using Portal.Integration.Ocpi;
using Portal.Integration.Persistence;
using Portal.Tests.Support;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// A regional concession in a real browser, from the officer's form to a finding. Arnhem's officer records a concession
/// of Arnhem and Duiven with the demo operator, allows no start fee (a cap of € 0), attaches ElaadNL's smart-charging section and
/// signs it. The operator's CPO user reads it without editing and uploads a certificate for SC-6, which the officer
/// accepts: SC-6 is met. The administrator connects the portal to the operator's OCPI platform (a fake CPO that offers
/// one Arnhem location whose connector names a tariff with a start fee of € 0.35 excluding VAT), pulls its locations and
/// tariffs, and starts the daily contract checks from the jobs dashboard: the contract page shows the tariff above the
/// cap with the price, the cap and the day it was seen. A CPO user of another operator gets the not-found page for the
/// contract and for its evidence file.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class ContractJourneyTests(PortalServer portal)
{
    private const string Officer = "ambtenaar@demo.example";
    private const string Cpo = "cpo@demo.example";
    private const string Administrator = "beheerder@demo.example";
    private const string OtherCpo = "cpo@laadnet-oost.example";
    private const string OtherCpoPassword = "Laadnet-Oost-Wachtwoord-1";
    private const string Reference = "CON-E2E-ARN-DUI";
    private const string CertificateTitle = "IEC 62443-4-2-certificaat Alfen Eve";

    /// <summary>A step that saves and renders the contract page again (its coverage counts hundreds of EVSEs): more than the default five seconds on a busy machine.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Step = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions StepContains = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions StepVisible = new() { Timeout = 30_000 };

    /// <summary>How long a job (an OCPI pull, the contract checks) may take before the page shows its result.</summary>
    private static readonly TimeSpan JobPatience = TimeSpan.FromMinutes(2);

    private static readonly DateOnly Today = DutchCalendar.Day(DateTime.UtcNow);
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task AnOfficer_RecordsARegionalConcession_TheCpoGivesEvidence_APulledTariffAboveTheCapBecomesAFinding_AndAnotherOperatorSeesNothing()
    {
        await using var cpoPlatform = await StartOperatorPlatformAsync();
        await CreateOtherOperatorsCpoUserAsync();

        // The officer records the concession: Arnhem (theirs, the lead) and Duiven, with the demo operator.
        var officer = await portal.NewPageAsync();
        await Journey.LogInAsync(officer, Officer, PortalServer.DemoPassword);
        await officer.GotoAsync("/beheer/contracten");
        await Journey.WaitForCircuitAsync(officer);
        await Assertions.Expect(officer.Locator("[data-testid=contract-count]")).Not.ToHaveTextAsync("0 contracten");
        await Accessibility.AssertNoSeriousViolationsAsync(officer);
        await officer.Locator("#new-contract").ClickAsync();
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/beheer/contracten/nieuw$"));
        await Assertions.Expect(officer.Locator("#contract-municipalities")).ToHaveValueAsync("Arnhem");
        await ChooseAsync(officer, officer.Locator("#contract-operator"), "Vattenfall InCharge");
        await officer.Locator("#contract-municipalities").ClickAsync();
        await officer.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Duiven" }).ClickAsync();
        await officer.Locator("h1").ClickAsync();   // closes the list
        await Assertions.Expect(officer.Locator("#contract-municipalities")).ToHaveValueAsync("Arnhem, Duiven");
        await officer.Locator("#contract-reference").FillAsync(Reference);
        await officer.Locator("#contract-lot").FillAsync("Perceel 1: Arnhem en Duiven");
        await FillDateAsync(officer.Locator("input#new-starts, #new-starts input").First, Today.AddDays(-30));
        await FillDateAsync(officer.Locator("input#new-ends, #new-ends input").First, Today.AddYears(8));
        await Accessibility.AssertNoSeriousViolationsAsync(officer);
        await officer.Locator("#create-contract").ClickAsync();

        await Assertions.Expect(officer).ToHaveURLAsync(ContractAddress(), new() { Timeout = 30_000 });
        var contractPath = new Uri(officer.Url).AbsolutePath;
        var status = officer.Locator("[data-testid=contract-status]").First;
        await Assertions.Expect(status).ToHaveTextAsync("Concept", Step);
        await Assertions.Expect(officer.Locator("[data-testid=contract-municipalities]")).ToContainTextAsync("Arnhem, Duiven");

        // A cap on the start fee: none may be charged (€ 0.00 including VAT).
        await officer.Locator("#edit-terms").ClickAsync();
        await officer.Locator("#terms-cap-start").FillAsync("0");
        await officer.Locator("#terms-cap-start").BlurAsync();
        await officer.Locator("#save-terms").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=tariff-caps]")).ToHaveTextAsync(new Regex(@"starttarief \S+ 0,00\s*\(inclusief btw\)"), new() { Timeout = 30_000 });

        // ElaadNL's smart-charging section: its eight requirements, SC-6 (a certificate) due from the start.
        await ChooseAsync(officer, officer.Locator("#attach-section"), "ElaadNL · smart-charging-all");
        await officer.Locator("#attach-section-button").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=contract-requirements] tbody tr")).ToHaveCountAsync(8, new() { Timeout = 30_000 });
        await Assertions.Expect(officer.Locator("[data-testid=state-SC-6]")).ToContainTextAsync("Bewijs verwacht");

        await officer.Locator("#sign-1").ClickAsync();
        var dialog = officer.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#sign-by").FillAsync("J. Jansen, wethouder");
        await Accessibility.AssertNoSeriousViolationsAsync(officer);
        await dialog.Locator("[data-testid=confirm-sign]").ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Van kracht", Step);
        await Assertions.Expect(officer.Locator("[data-testid=signature-1]")).ToContainTextAsync("J. Jansen, wethouder");
        await Accessibility.AssertNoSeriousViolationsAsync(officer);

        // The operator's CPO user reads it without editing and uploads the SC-6 certificate.
        var cpo = await portal.NewPageAsync();
        await Journey.LogInAsync(cpo, Cpo, PortalServer.DemoPassword);
        await cpo.GotoAsync(contractPath);
        await Journey.WaitForCircuitAsync(cpo);
        await Assertions.Expect(cpo.Locator("[data-testid=read-only]")).ToBeVisibleAsync(StepVisible);
        await Assertions.Expect(cpo.Locator("[data-testid=contract-status]").First).ToHaveTextAsync("Van kracht");
        await Assertions.Expect(cpo.Locator("#edit-terms, #sign-1, #attach-section-button")).ToHaveCountAsync(0);
        await cpo.GetByRole(AriaRole.Button, new() { Name = "Bewijs uploaden" }).ClickAsync();
        var upload = cpo.GetByRole(AriaRole.Dialog);
        await ChooseAsync(cpo, upload.Locator("#evidence-requirement"), "elaad-2025 SC-6");
        await upload.Locator("#evidence-title").FillAsync(CertificateTitle);
        await upload.Locator("#evidence-issuer").FillAsync("TÜV Rheinland");
        await upload.Locator("#evidence-standard").FillAsync("IEC 62443-4-2");
        await FillDateAsync(upload.Locator("input#evidence-issued, #evidence-issued input").First, Today.AddDays(-10));
        await FillDateAsync(upload.Locator("input#evidence-expires, #evidence-expires input").First, Today.AddYears(3));
        await upload.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "iec-62443-certificaat.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(upload.Locator("[data-testid=evidence-chosen-file]")).ToContainTextAsync("iec-62443-certificaat.pdf");
        await Accessibility.AssertNoSeriousViolationsAsync(cpo);
        await upload.Locator("[data-testid=evidence-submit]").ClickAsync();
        await Assertions.Expect(upload).ToBeHiddenAsync(new() { Timeout = 30_000 });
        var given = cpo.Locator("[data-testid=evidence-list] tbody tr", new() { HasText = CertificateTitle });
        await Assertions.Expect(given.Locator("[data-testid=evidence-status]")).ToHaveTextAsync("Wacht op beoordeling", Step);
        var download = await given.Locator("a[href*='/bewijs/']").GetAttributeAsync("href");
        Assert.NotNull(download);

        // The officer accepts it: SC-6 is met.
        await officer.ReloadAsync();
        await Journey.WaitForCircuitAsync(officer);
        var row = officer.Locator("[data-testid=evidence-list] tbody tr", new() { HasText = CertificateTitle });
        await row.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        var decide = officer.GetByRole(AriaRole.Dialog);
        await decide.Locator("#evidence-reason").FillAsync("Certificaat van een geaccrediteerde instelling.");
        await decide.Locator("[data-testid=confirm-decision]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=evidence-status]")).ToHaveTextAsync("Goedgekeurd", Step);
        await Assertions.Expect(officer.Locator("[data-testid=state-SC-6]")).ToContainTextAsync("Voldaan", StepContains);
        await Assertions.Expect(officer.Locator("[data-testid=no-findings]")).ToBeVisibleAsync();

        // The administrator connects the operator's platform, pulls its locations, then its tariffs.
        var admin = await portal.NewPageAsync();
        await Journey.LogInAsync(admin, Administrator, PortalServer.DemoPassword);
        await admin.GotoAsync("/admin/ocpi");
        await Journey.WaitForCircuitAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Aanmelden bij een CPO" }).ClickAsync();
        var register = admin.GetByRole(AriaRole.Dialog);
        await register.Locator("#cpo-versions").FillAsync(cpoPlatform.VersionsUrl);
        await register.Locator("#cpo-token-a").FillAsync(cpoPlatform.TokenA);
        await register.Locator("#cpo-country").FillAsync(cpoPlatform.CountryCode);
        await register.Locator("#cpo-party").FillAsync(cpoPlatform.PartyId);
        await register.Locator("#cpo-name").FillAsync("Vattenfall InCharge OCPI");
        await register.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Vattenfall InCharge OCPI", Step);
        await PullAsync(admin, "locations");
        await PullAsync(admin, "tariffs");

        // The daily contract checks, started from the jobs dashboard; its list of succeeded jobs says when they ran.
        await admin.GotoAsync("/admin/jobs/recurring");
        await admin.Locator("input.js-jobs-list-checkbox[value='contract-checks']").CheckAsync();
        var trigger = admin.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']");
        await Assertions.Expect(trigger).ToBeEnabledAsync();
        // The dashboard posts the trigger and then reloads itself: leave the page only once the post is answered.
        var triggered = await admin.RunAndWaitForResponseAsync(() => trigger.ClickAsync(), r => r.Url.EndsWith("/recurring/trigger", StringComparison.Ordinal));
        Assert.True(triggered.Ok, $"Trigger answered {triggered.Status}");
        await ReloadUntilAsync(admin, "/admin/jobs/jobs/succeeded", admin.Locator("table tbody tr", new() { HasText = "Contract checks" }));

        // The finding on the contract page: the tariff, the start fee a driver pays (0.35 × 1.21 = 0.4235 → € 0.42), the cap, the day seen.
        await officer.ReloadAsync();
        await Journey.WaitForCircuitAsync(officer);
        var finding = officer.Locator("[data-testid=contract-findings] tbody tr", new() { HasText = "Tarief boven maximum" });
        await Assertions.Expect(finding).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var seen = Today.ToString("d MMMM yyyy", Dutch);
        await Assertions.Expect(finding.Locator("[data-testid=finding-detail]")).ToContainTextAsync(
            $"Tarief AC-STANDARD: het starttarief kost 0,42 euro incl. btw, boven het maximum van 0,00 euro van versie 1; gezien op {seen}.");
        await Assertions.Expect(finding).ToContainTextAsync(seen);
        await Accessibility.AssertNoSeriousViolationsAsync(officer);

        // A CPO user of another operator: the not-found page for the contract, its list empty, and no file.
        var other = await portal.NewPageAsync();
        await Journey.LogInAsync(other, OtherCpo, OtherCpoPassword);
        var refused = await other.GotoAsync(contractPath);
        Assert.Equal(404, refused!.Status);
        await Assertions.Expect(other.Locator("h1")).ToHaveTextAsync("Pagina niet gevonden");
        await Assertions.Expect(other.Locator("body")).Not.ToContainTextAsync(Reference);
        var file = await other.Context.APIRequest.GetAsync(download!);
        Assert.Equal(404, file.Status);
        await other.GotoAsync("/beheer/contracten");
        await Journey.WaitForCircuitAsync(other);
        await Assertions.Expect(other.Locator("[data-testid=contracts-empty]")).ToBeVisibleAsync(StepVisible);
        await Assertions.Expect(other.Locator("[data-testid=contract-count]")).ToHaveTextAsync("0 contracten");
        // The operator's own CPO user does get the file.
        var own = await cpo.Context.APIRequest.GetAsync(download!);
        Assert.Equal((200, "application/pdf"), (own.Status, own.Headers["content-type"]));

        foreach (var page in new[] { officer, cpo, admin, other })
            await page.Context.CloseAsync();
    }

    /// <summary>
    /// The demo operator's OCPI platform (party NL*NUO, as in the open data): one location in Arnhem, whose first EVSE's
    /// connector names the tariff AC-STANDARD: € 0.30 per kWh and a start fee of € 0.35, both excluding VAT.
    /// </summary>
    private static async Task<FakeCpo> StartOperatorPlatformAsync()
    {
        var cpo = await FakeCpo.StartAsync(countryCode: "NL", partyId: "NUO");
        var stamp = OcpiJson.FormatDateTime(DateTime.UtcNow.AddHours(-2));
        var location = OcpiExamples.ArnhemLocation("NUO-E2E-CONTRACT", "Contractstraat 1");
        location["country_code"] = cpo.CountryCode;
        location["party_id"] = cpo.PartyId;
        location["last_updated"] = stamp;
        var number = 0;
        foreach (var evse in location["evses"]!.AsArray())
        {
            number++;
            evse!["uid"] = $"NUO-E2E-CONTRACT-{number}";
            evse["evse_id"] = $"NL*NUO*E2E00{number}";
            evse["last_updated"] = stamp;
            foreach (var connector in evse["connectors"]!.AsArray())
                connector!["last_updated"] = stamp;
        }
        cpo.Add("locations", location);
        cpo.Add("tariffs", new JsonObject
        {
            ["country_code"] = cpo.CountryCode,
            ["party_id"] = cpo.PartyId,
            ["id"] = "AC-STANDARD",
            ["currency"] = "EUR",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["price_components"] = new JsonArray(
                    new JsonObject { ["type"] = "ENERGY", ["price"] = 0.30m, ["vat"] = 21, ["step_size"] = 1 },
                    new JsonObject { ["type"] = "FLAT", ["price"] = 0.35m, ["vat"] = 21, ["step_size"] = 1 }),
            }),
            ["last_updated"] = OcpiJson.FormatDateTime(DateTime.UtcNow.AddHours(-1)),
        });
        return cpo;
    }

    /// <summary>Another operator and its CPO user with a password, as an administrator would have set them up.</summary>
    private Task CreateOtherOperatorsCpoUserAsync() => portal.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var other = OperatorOrganisation.Register("Laadnet Oost", null, DateTime.UtcNow);
        db.Operators.Add(other);
        await db.SaveChangesAsync();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = OtherCpo, Email = OtherCpo, EmailConfirmed = true, DisplayName = "Otto Oost", CreatedAtUtc = DateTime.UtcNow, OperatorId = other.Id,
        };
        Assert.True((await users.CreateAsync(user, OtherCpoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.CpoUser)).Succeeded);
        return true;
    });

    /// <summary>Pulls one module now and waits, pressing the page's reload button, until the runs show it done.</summary>
    private static async Task PullAsync(IPage admin, string module)
    {
        await ChooseAsync(admin, admin.Locator("#pull-module"), module);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Nu ophalen" }).ClickAsync();
        var done = admin.Locator("[data-testid=runs] tbody tr", new() { HasText = module }).Locator("[data-testid=outcome]", new() { HasText = "Gelukt" });
        var deadline = DateTime.UtcNow + JobPatience;
        while (true)
        {
            try
            {
                await Assertions.Expect(done).ToHaveCountAsync(1, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                await admin.GetByRole(AriaRole.Button, new() { Name = "Opnieuw laden" }).ClickAsync();
            }
        }
    }

    /// <summary>Opens a static page again until it shows what is awaited (a job's result), within <see cref="JobPatience"/>.</summary>
    private static async Task ReloadUntilAsync(IPage page, string path, ILocator awaited)
    {
        var deadline = DateTime.UtcNow + JobPatience;
        while (true)
        {
            try
            {
                // The jobs dashboard reloads itself once a command is answered; a visit that reload interrupts is made again.
                await page.GotoAsync(path);
                await Assertions.Expect(awaited).Not.ToHaveCountAsync(0, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Not yet: ask for the page again.
            }
        }
    }

    /// <summary>Types a day as an officer would (d-M-yyyy, the pickers' format) and leaves the field.</summary>
    private static async Task FillDateAsync(ILocator input, DateOnly day)
    {
        var typed = day.ToString("d-M-yyyy", CultureInfo.InvariantCulture);
        await input.FillAsync(typed);
        await input.BlurAsync();
        await Assertions.Expect(input).ToHaveValueAsync(typed);
    }

    /// <summary>Opens the MudSelect around the input (which may be hidden) and picks the first option with the text.</summary>
    private static async Task ChooseAsync(IPage page, ILocator input, string option)
    {
        var select = input.Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-select ')][1]");
        var item = page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First;
        // A click that lands while the page renders again (a reload of its data) may not open the list: open it again then.
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            try
            {
                await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
        await item.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [GeneratedRegex("/beheer/contracten/[0-9a-f-]{36}$")]
    private static partial Regex ContractAddress();
}
