using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.EndToEnd.Tests;

/// <summary>
/// The heart of the portal in a real browser: a resident checks an address, applies with an
/// upload, an officer approves it onto a new spot, and the resident sees the decision and gets
/// the e-mail. Every page on the way is checked with axe.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class ApplyingForAChargePointTests(PortalServer portal)
{
    private const string Resident = "bewoner@demo.example";

    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% kentekenbewijs\n1 0 obj << >> endobj\n%%EOF\n"u8];

    [Fact]
    public async Task ResidentApplies_OfficerApprovesOntoANewSpot_ResidentSeesItAndIsMailed()
    {
        var resident = await portal.NewPageAsync();
        await Journey.LogInAsync(resident, Resident, PortalServer.DemoPassword);
        var (id, reference) = await ApplyAsync(resident);

        var officer = await portal.NewPageAsync();
        await Journey.LogInAsync(officer, "ambtenaar@demo.example", PortalServer.DemoPassword);
        await officer.GotoAsync($"/beheer/aanvragen/{id}");
        await Journey.WaitForCircuitAsync(officer);
        await Assertions.Expect(officer.Locator("[data-testid=findings] li")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(officer);
        // The old address of the approval page opens the approval dialog on the application's page; a new spot is chosen.
        await officer.GotoAsync($"/beheer/aanvragen/{id}/besluit/goedkeuren");
        var dialog = officer.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("input[data-spot=nieuw]")).ToBeCheckedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld van de e-mail tonen" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=mail-preview]")).ToContainTextAsync("Toegekend");
        await Accessibility.AssertNoSeriousViolationsAsync(officer);
        await dialog.Locator("[data-testid=confirm]").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=status]")).ToHaveTextAsync("Toegekend");
        // Other tests add spots too (a roll-out of fifty), so the new one is looked up, not expected on the first page.
        await officer.GotoAsync("/beheer/plekken");
        await Journey.WaitForCircuitAsync(officer);
        await officer.Locator("#spot-search").FillAsync("Velperweg 1");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("Velperweg 1");

        await resident.GotoAsync($"/aanvragen/{id}");
        await Assertions.Expect(resident.Locator("[data-testid=status]")).ToHaveTextAsync("Toegekend");
        await Assertions.Expect(resident.Locator("[data-testid=timeline] li")).Not.ToHaveCountAsync(2);
        await Accessibility.AssertNoSeriousViolationsAsync(resident);

        var mail = await MailAboutAsync(reference, "Toegekend");
        Assert.Contains($"/aanvragen/{id}", mail, StringComparison.Ordinal);
        await resident.Context.CloseAsync();
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task ResidentJourney_WorksWithoutJavaScript()
    {
        var resident = await portal.NewPageAsync(javaScript: false);
        await Journey.LogInAsync(resident, Resident, PortalServer.DemoPassword);

        // axe runs as a script in the page, so it cannot run here; the test above checks the same pages with it.
        var (id, reference) = await ApplyAsync(resident, checkAccessibility: false);

        await resident.GotoAsync("/aanvragen");
        await Assertions.Expect(resident.Locator("main")).ToContainTextAsync(reference);
        await resident.GotoAsync($"/aanvragen/{id}");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Aanvraag intrekken" }).ClickAsync();
        await resident.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(resident.Locator("[data-testid=status]")).ToHaveTextAsync("Ingetrokken");
        await MailAboutAsync(reference, "Ingetrokken");
        await resident.Context.CloseAsync();
    }

    /// <summary>Check → five steps → summary → submit; returns the new application's id and reference.</summary>
    private async Task<(Guid Id, string Reference)> ApplyAsync(IPage page, bool checkAccessibility = true)
    {
        async Task CheckAsync()
        {
            if (checkAccessibility)
                await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        await page.GotoAsync("/aanvragen/controleren");
        await page.GetByLabel("Uw adres of postcode").FillAsync("Velperweg 1 Arnhem");
        await page.Locator("main form[role=search] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=eligibility-outcome]")).Not.ToBeEmptyAsync();
        await CheckAsync();
        await page.Locator("[data-testid=start-application]").ClickAsync();

        // Address: carried over from the check; the first save looks it up and shows what was found.
        await Assertions.Expect(page.GetByLabel("Postcode", new() { Exact = true })).ToHaveValueAsync("6824BA");
        await CheckAsync();
        await NextAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=found-address]")).ToContainTextAsync("Velperweg 1");
        await CheckAsync();
        await NextAsync(page);
        var id = Guid.Parse(StepUrl().Match(page.Url).Groups[1].Value);

        // Car: a typo first, to see the message next to the field and the typed value kept.
        await page.GetByLabel("Ja, ik rijd al elektrisch").CheckAsync();
        await page.GetByLabel("Kenteken", new() { Exact = true }).FillAsync("12-ABC-ZZZ");
        await NextAsync(page);
        await Assertions.Expect(page.GetByLabel("Kenteken", new() { Exact = true })).ToHaveValueAsync("12-ABC-ZZZ");
        await CheckAsync();
        await page.GetByLabel("Kenteken", new() { Exact = true }).FillAsync("12abc3");
        await NextAsync(page);

        // Proof: a real file upload.
        await page.GetByLabel("Bestand", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "kentekenbewijs.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestand toevoegen" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("kentekenbewijs.pdf");
        await CheckAsync();
        await NextAsync(page);

        await page.GetByLabel("Nee, ik parkeer op straat").CheckAsync();
        await CheckAsync();
        await NextAsync(page);
        await page.Locator("main input[type=checkbox]").CheckAsync();
        await CheckAsync();
        await NextAsync(page);

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("12-ABC-3");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("kentekenbewijs.pdf");
        await CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag indienen" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveTextAsync("Ingediend");
        var reference = (await page.Locator("[data-testid=reference]").TextContentAsync())!.Trim();
        Assert.Matches(ReferencePattern(), reference);
        await CheckAsync();
        await MailAboutAsync(reference, "Ingediend");
        return (id, reference);
    }

    private static Task NextAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Volgende", Exact = true }).ClickAsync();

    /// <summary>Waits (the outbox job runs every second here) for the resident's mail about the application in this status.</summary>
    private async Task<string> MailAboutAsync(string reference, string status)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var mail = Directory.Exists(portal.MailFolder)
                ? Directory.GetFiles(portal.MailFolder, "*.eml").Select(File.ReadAllText)
                    .FirstOrDefault(m => m.Contains(Resident, StringComparison.OrdinalIgnoreCase) && m.Contains(reference, StringComparison.Ordinal) && m.Contains(status, StringComparison.Ordinal))
                : null;
            if (mail is not null)
                return mail;
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"No mail to {Resident} about {reference} ({status}) within 30 s.");
    }

    [GeneratedRegex("/aanvragen/([0-9a-f-]{36})/stap/")]
    private static partial Regex StepUrl();

    [GeneratedRegex("^LP-[0-9]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$")]
    private static partial Regex ReferencePattern();
}
