using System.Globalization;
using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Requirements;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Requirements;

/// <summary>The administrator's catalogue page (bUnit over the real portal and database): load a file, preview, confirm, history.</summary>
public sealed class CatalogueAdminPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static void Upload(IRenderedComponent<CatalogueAdminPage> page, string content, string fileName) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, fileName));

    private async Task<(BackOfficeContext Context, IRenderedComponent<CatalogueAdminPage> Page)> OpenAsync()
    {
        var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = context.Render<CatalogueAdminPage>();
        page.WaitForElement("[data-testid=catalogue-in-force]", CatalogueFiles.Wait);
        return (context, page);
    }

    /// <summary>Types into a field that takes its value when it loses focus (no debounce), as leaving the field does.</summary>
    private static Task ChangeAsync(IRenderedComponent<CatalogueAdminPage> page, string selector, string value) =>
        page.InvokeAsync(() => page.Find(selector).ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = value }));

    private static string InForce(IRenderedComponent<CatalogueAdminPage> page) => page.Find("[data-testid=catalogue-in-force]").TextContent.Trim();

    [Fact]
    public async Task ABadFile_ShowsWhatIsWrong_AndKeepsThePageAsItWas()
    {
        var (context, page) = await OpenAsync();
        await using var _ = context;
        var versionsBefore = await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.CountAsync());
        var inForce = InForce(page);

        // A good file first: its preview must survive the bad one.
        Upload(page, CatalogueFiles.Newer(), "nieuw.json");
        page.WaitForElement("[data-testid=catalogue-preview]", CatalogueFiles.Wait);

        var duplicate = CatalogueFiles.Newer().Replace("\"code\":\"G-99\"", "\"code\":\"G-1\"", StringComparison.Ordinal);
        Upload(page, duplicate, "dubbel.json");

        page.WaitForElement("[data-testid=catalogue-problems]", CatalogueFiles.Wait);
        Assert.StartsWith("dubbel.json is geen geldige catalogus (1 problemen)", page.Find("[data-testid=catalogue-problem] p").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("set ‘elaad-2025’, eis ‘G-1’, veld ‘code’: code ‘G-1’ komt vaker voor in deze set.",
            page.Find("[data-testid=catalogue-problems] li").TextContent.Trim());
        Assert.Contains("Wat nieuw.json verandert", page.Find("[data-testid=catalogue-preview]").TextContent, StringComparison.Ordinal);

        Upload(page, "PK\u0003\u0004", "catalogus.xlsx");
        page.WaitForAssertion(() => Assert.Equal("Kies een .json-bestand.", page.Find("[data-testid=catalogue-problem] p").TextContent.Trim()), CatalogueFiles.Wait);

        Upload(page, "{\"schema_version\": 2}", "toekomst.json");
        page.WaitForAssertion(() => Assert.Equal("veld ‘schema_version’: schemaversie 2 kan de portal niet lezen (alleen versie 1).",
            page.Find("[data-testid=catalogue-problems] li").TextContent.Trim()), CatalogueFiles.Wait);

        Assert.Equal(inForce, InForce(page));
        Assert.Equal(versionsBefore, await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.CountAsync()));
    }

    [Fact]
    public async Task AGoodFile_ShowsWhatChanges_AndConfirmingMakesItTheNextVersion()
    {
        var (context, page) = await OpenAsync();
        await using var _ = context;
        var before = await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.MaxAsync(v => v.Number));

        Upload(page, CatalogueFiles.Newer(), "catalogus-2026.json");

        page.WaitForElement("[data-testid=catalogue-preview]", CatalogueFiles.Wait);
        Assert.Equal("1 eisen erbij, 1 eisen weg, 1 eisen gewijzigd.", page.Find("[data-testid=preview-summary]").TextContent.Trim());
        Assert.StartsWith("elaad-2025/G-99", page.Find("[data-testid=preview-added] li").TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("scr-por-2016/POR-48", page.Find("[data-testid=preview-removed] li").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("elaad-2025/SC-5 grenswaarden", page.Find("[data-testid=preview-changed] li").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=preview-attached]"));
        // Nothing changed yet.
        Assert.Equal(before, await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.MaxAsync(v => v.Number)));

        await page.PressAsync("Deze versie laden");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=catalogue-preview]")), CatalogueFiles.Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == $"Versie {before + 1} van de catalogus geldt nu.");
        page.WaitForAssertion(() => Assert.Equal($"Versie {before + 1}: 2 sets, 71 eisen.", InForce(page)), CatalogueFiles.Wait);
        var stored = await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.SingleAsync(v => v.Number == before + 1));
        Assert.Equal(("catalogus-2026.json", "Bram Beheerder"), (stored.FileName, stored.LoadedByName));
        // The history grid shows who loaded which version.
        page.WaitForAssertion(() => Assert.Contains("catalogus-2026.json", page.Find("[data-testid=catalogue-versions] tbody tr").TextContent, StringComparison.Ordinal), CatalogueFiles.Wait);

        // The same file again: the preview says so and offers no confirmation.
        Upload(page, CatalogueFiles.Newer(), "catalogus-2026.json");
        page.WaitForElement("[data-testid=preview-same]", CatalogueFiles.Wait);
        Assert.True(page.Find("[data-testid=catalogue-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ACertificationDate_IsRecordedWithItsDueDate_AndAMissingSourceKeepsWhatWasTyped()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");   // as the request localization sets it
        var (context, page) = await OpenAsync();
        await using var _ = context;
        page.WaitForElement("[data-testid=protocol-terms]", CatalogueFiles.Wait);
        page.WaitForAssertion(() => Assert.Contains("binnen 18 maanden", page.Find("[data-testid=protocol-terms]").TextContent, StringComparison.Ordinal), CatalogueFiles.Wait);

        await ChangeAsync(page, "#protocol-version", "2.1");
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudAutocomplete<string>>().Instance.ValueChanged.InvokeAsync("OCPP"));
        await page.InvokeAsync(() => page.FindComponent<MudBlazor.MudDatePicker>().Instance.DateChanged.InvokeAsync(new DateTime(2025, 8, 31)));
        await page.PressAsync("Vastleggen");

        page.WaitForAssertion(() => Assert.Equal("Vul in waar de datum vandaan komt.", page.Find("[data-testid=protocol-problem]").TextContent.Trim()), CatalogueFiles.Wait);
        Assert.Equal("2.1", page.Find("#protocol-version").GetAttribute("value"));

        await ChangeAsync(page, "#protocol-source", "Aankondiging van de certificeerder");
        await page.PressAsync("Vastleggen");

        // 31 August 2025 + 18 months: 28 February 2027.
        page.WaitForAssertion(() => Assert.Equal("28 februari 2027 (18 maanden)", page.Find("[data-testid=protocol-due]").TextContent.Trim()), CatalogueFiles.Wait);
        Assert.Empty(page.FindAll("[data-testid=protocol-problem]"));
        Assert.Contains("OCPP 2.1 (Hoofdversie) beschikbaar op 31 augustus 2025 vastgelegd", page.Find("[data-testid=protocol-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAdministrators_OpenTheAdministrationPage()
    {
        foreach (var (account, expected) in new[] { (DemoAccounts.Admin, HttpStatusCode.OK), (DemoAccounts.Officer, HttpStatusCode.Forbidden), (DemoAccounts.Cpo, HttpStatusCode.Forbidden) })
        {
            using var client = await app.LogInAsAsync(account);
            var (response, _) = await client.GetPageAsync("/admin/eisen");
            Assert.Equal((account, expected), (account, response.StatusCode));
        }
    }
}
