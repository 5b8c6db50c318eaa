using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// The demo administrator in the interactive back office: a municipality, an officer for it, the OCPI
/// connections; axe after the circuit is up, with each dialog open and with a grid filtered.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class AdministratorJourneyTests(PortalServer portal)
{
    private const string Administrator = "beheerder@demo.example";

    private const string Square = """
        {"type": "Polygon", "coordinates": [[[6.05, 52.48], [6.15, 52.48], [6.15, 52.54], [6.05, 52.54], [6.05, 52.48]]]}
        """;

    /// <summary>Opens the MudSelect with this label and picks the option with this text (it closes by itself).</summary>
    private static async Task ChooseAsync(IPage page, ILocator within, string label, string option)
    {
        await within.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
    }

    [Fact]
    public async Task TheAdministrator_AddsAMunicipality_ThenAnOfficerForIt_WhoIsInTheUsersGridFilteredOnThatRole()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, Administrator, PortalServer.DemoPassword);

        await page.GotoAsync("/admin/gemeenten");
        await Journey.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gemeente toevoegen" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("CBS-code").FillAsync("GM0193");
        await dialog.GetByLabel("Naam").FillAsync("Zwolle");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gemeente toevoegen" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        var municipalities = page.Locator(".mud-table-body");
        await Assertions.Expect(municipalities).ToContainTextAsync("GM0193");

        // Its page, over the same circuit: the boundary from a file, shown as its extent and on a small map.
        await municipalities.GetByRole(AriaRole.Link, new() { Name = "Zwolle" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Zwolle");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "zwolle.geojson", MimeType = "application/geo+json", Buffer = Encoding.UTF8.GetBytes(Square) });
        await Assertions.Expect(page.Locator("[data-testid=boundary]")).ToHaveTextAsync("Bekend (van 52.48, 6.05 tot 52.54, 6.15)");
        await Assertions.Expect(page.Locator("[data-testid=boundary-map] path.leaflet-interactive")).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The former new-user page opens the dialog on the users page.
        await page.GotoAsync("/admin/gebruikers/nieuw");
        await Journey.WaitForCircuitAsync(page);
        var newUser = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(newUser).ToBeVisibleAsync();
        await newUser.GetByLabel("Naam").FillAsync("Zeno Zwolle");
        await newUser.GetByLabel("E-mailadres").FillAsync("zeno@zwolle.example");
        await ChooseAsync(page, newUser, "Rol", "Gemeentemedewerker");
        await newUser.GetByLabel("Gemeenten", new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Zwolle" }).ClickAsync();
        await newUser.Locator(".mud-dialog-title").ClickAsync();   // closes the list, not the dialog
        await Assertions.Expect(newUser.GetByLabel("Gemeenten", new() { Exact = true })).ToHaveValueAsync("Zwolle");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await newUser.GetByRole(AriaRole.Button, new() { Name = "Gebruiker aanmaken en uitnodigen" }).ClickAsync();
        await Assertions.Expect(newUser).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Er is een uitnodiging gestuurd naar zeno@zwolle.example.");

        // The users grid filtered on that role holds the new officer, with the new municipality.
        await ChooseAsync(page, page.Locator("main"), "Rol", "Gemeentemedewerker");
        await Assertions.Expect(page).ToHaveURLAsync(RoleInAddress());
        var row = page.Locator(".mud-table-body tr", new() { HasText = "Zeno Zwolle" });
        await Assertions.Expect(row).ToContainTextAsync("Gemeentemedewerker");
        await Assertions.Expect(row).ToContainTextAsync("Zwolle");
        await Assertions.Expect(row).ToContainTextAsync("Uitgenodigd");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The account's page, and the question before blocking (cancelled here).
        await row.GetByRole(AriaRole.Link, new() { Name = "Zeno Zwolle" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Zeno Zwolle");
        await Assertions.Expect(page.Locator("[data-testid=tenant]")).ToHaveTextAsync("Zwolle");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Blokkeren" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Zeno Zwolle kan daarna niet meer inloggen");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(confirm).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Uitgenodigd");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAdministrator_IssuesATokenA_FindsTheConnectionByStatus_AndOpensIt()
    {
        var page = await portal.NewPageAsync();
        await Journey.LogInAsync(page, Administrator, PortalServer.DemoPassword);
        await page.GotoAsync("/admin/ocpi");
        await Journey.WaitForCircuitAsync(page);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Token A uitgeven" }).ClickAsync();
        var issue = page.GetByRole(AriaRole.Dialog);
        await issue.GetByLabel("Landcode").FillAsync("NL");
        await issue.GetByLabel("Partij-id").FillAsync("E2E");
        await issue.GetByLabel("Naam").FillAsync("Eind-tot-eind Laden");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await issue.GetByRole(AriaRole.Button, new() { Name = "Token A uitgeven" }).ClickAsync();
        await Assertions.Expect(issue.Locator("[data-testid=token-a]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(issue.Locator("[data-testid=versions-url]")).ToHaveTextAsync($"{portal.BaseUrl}/ocpi/versions");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await issue.GetByRole(AriaRole.Button, new() { Name = "Sluiten" }).ClickAsync();
        await Assertions.Expect(issue).ToBeHiddenAsync();

        await ChooseAsync(page, page.Locator("main"), "Status", "Wacht op aanmelding");
        await Assertions.Expect(page).ToHaveURLAsync(PendingInAddress());
        var row = page.Locator(".mud-table-body tr", new() { HasText = "NL*E2E" });
        await Assertions.Expect(row).ToContainTextAsync("Wacht op aanmelding");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden bij een CPO" }).ClickAsync();
        var register = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(register.GetByLabel("Versie-URL van de CPO")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await register.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Assertions.Expect(register).ToBeHiddenAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "Eind-tot-eind Laden" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Eind-tot-eind Laden");
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("Wacht op aanmelding");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden en intrekken" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Verbinding met Eind-tot-eind Laden (NL*E2E).");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ja, intrekken" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("Ingetrokken");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("De verbinding is ingetrokken.");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/admin/gebruikers\\?rol=Officer$")]
    private static partial Regex RoleInAddress();

    [GeneratedRegex("/admin/ocpi\\?status=Pending$")]
    private static partial Regex PendingInAddress();
}
