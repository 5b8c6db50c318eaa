using System.Net;
using Bunit;
using Portal.Domain.Requirements;
using Portal.Features.Requirements;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Requirements;

/// <summary>Browsing the catalogue (bUnit over the real portal): search, filters, sorting, paging and a requirement's page.</summary>
public sealed class CataloguePageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static IReadOnlyList<string> Codes(IRenderedComponent<CataloguePage> page) =>
        page.FindAll("[data-testid=requirement-code]").Select(c => c.TextContent.Trim()).ToList();

    private static string Count(IRenderedComponent<CataloguePage> page) => page.Find("[data-testid=requirement-count]").TextContent.Trim();

    private async Task<(BackOfficeContext Context, IRenderedComponent<CataloguePage> Page)> OpenAsync(string account, string address = "/beheer/eisen")
    {
        var context = await BackOfficeContext.SignedInAsAsync(app, account);
        context.Navigation.NavigateTo(address);
        context.RenderProviders();
        var page = context.Render<CataloguePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Codes(page)), CatalogueFiles.Wait);
        return (context, page);
    }

    [Fact]
    public async Task ThePage_ListsTheWholeCatalogue_InItsOwnOrder_25AtATime()
    {
        var (context, page) = await OpenAsync(DemoAccounts.Officer);
        await using var _ = context;

        page.WaitForAssertion(() => Assert.Equal("71 eisen", Count(page)), CatalogueFiles.Wait);
        Assert.Equal(25, Codes(page).Count);
        Assert.Equal(["G-1", "G-2", "G-3", "G-4", "SC-4"], Codes(page).Take(5));
    }

    [Fact]
    public async Task SearchingAStandard_FindsTheRequirementsThatNameIt_AndKeepsTheSearchInTheAddress()
    {
        var (context, page) = await OpenAsync(DemoAccounts.Officer);
        await using var _ = context;

        await page.TypeAsync("#requirement-search", "ISO 15118-20");

        // Only BD-19 names ISO 15118-20 among its standards.
        page.WaitForAssertion(() => Assert.Equal(["BD-19"], Codes(page)), CatalogueFiles.Wait);
        Assert.Contains("zoek=ISO%2015118-20", context.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFilters_NarrowBySetSectionKindAndAppliesTo()
    {
        var (context, page) = await OpenAsync(DemoAccounts.Officer);
        await using var _ = context;

        await page.ChooseAsync<string>("requirement-set", "scr-por-2016");
        page.WaitForAssertion(() => Assert.Equal("48 eisen", Count(page)), CatalogueFiles.Wait);

        await page.ChooseAsync<string>("requirement-section", "logging");
        // The README: logging is POR-44 to POR-48.
        page.WaitForAssertion(() => Assert.Equal(["POR-44", "POR-45", "POR-46", "POR-47", "POR-48"], Codes(page)), CatalogueFiles.Wait);

        await page.ChooseAsync<string>("requirement-set", null!);
        await page.ChooseAsync<string>("requirement-section", null!);
        await page.ChooseAsync<VerificationKind?>("requirement-kind", VerificationKind.OcpiData);
        // The README's counts: 3 OCPI-data requirements in the ElaadNL set, 4 in the programme.
        page.WaitForAssertion(() => Assert.Equal("7 eisen", Count(page)), CatalogueFiles.Wait);

        await page.ChooseAsync<string>("requirement-applies-to", "DC");
        // Only ElaadNL items name DC; its OCPI-data items are SC-4, SC-5 and SC-10.
        page.WaitForAssertion(() => Assert.Equal(["SC-4", "SC-5", "SC-10"], Codes(page)), CatalogueFiles.Wait);
        Assert.Contains("controle=OcpiData", context.Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains("voor=DC", context.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressWithFiltersAndSort_OpensThePageInThatState_CodesInNumberOrder()
    {
        var (context, page) = await OpenAsync(DemoAccounts.Officer, "/beheer/eisen?set=scr-por-2016&sorteer=Code&aflopend=1&per=50");
        await using var _ = context;

        // Descending by number, not by text: POR-48 before POR-9 before POR-10 would be wrong.
        page.WaitForAssertion(() => Assert.Equal(["POR-48", "POR-47", "POR-46"], Codes(page).Take(3)), CatalogueFiles.Wait);
        Assert.Equal(48, Codes(page).Count);
        Assert.Equal(["POR-2", "POR-1"], Codes(page).TakeLast(2));
    }

    [Fact]
    public async Task ARequirementsPage_ShowsThresholdsInWords_HowItIsVerified_RelatedLinks_NoteAndSeed()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        var page = context.Render<RequirementPage>(p => p.Add(x => x.SetId, "elaad-2025").Add(x => x.Code, "G-3"));

        page.WaitForElement("[data-testid=requirement-thresholds]", CatalogueFiles.Wait);
        var thresholds = page.Find("[data-testid=requirement-thresholds]").TextContent;
        Assert.Contains("Nieuwe hoofdversie invoeren", thresholds, StringComparison.Ordinal);
        Assert.Equal("hoogstens 18 maanden", page.FindAll("[data-limit=max_months]")[0].TextContent.Trim());
        Assert.Equal("hoogstens 6 maanden", page.FindAll("[data-limit=max_months]")[1].TextContent.Trim());
        Assert.Equal("termijn na aankoop: 5 jaar", page.Find("[data-limit=within_years_of_purchase]").TextContent.Trim());
        Assert.Equal("gerekend vanaf: availability of independent test certification for the new version", page.Find("[data-qualifier=from]").TextContent.Trim());
        Assert.StartsWith("Certificaat", page.Find("[data-testid=requirement-kind]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("nummer 3", page.Find("[data-testid=requirement-seed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("ElaadNL", page.Find("[data-testid=requirement-set]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequirementsPage_LinksItsRelatedRequirements()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var withRelated = RequirementCatalogueJsonSeed.Requirements.First(r => r.Related.Count > 0);

        var page = context.Render<RequirementPage>(p => p.Add(x => x.SetId, withRelated.Key.SetId).Add(x => x.Code, withRelated.Key.Code));

        page.WaitForElement("[data-testid=requirement-related]", CatalogueFiles.Wait);
        Assert.Equal(
            withRelated.Related.Select(c => $"/beheer/eisen/{withRelated.Key.SetId}/{c}"),
            page.FindAll("[data-testid=requirement-related] a").Select(a => a.GetAttribute("href")));
        if (withRelated.Note is { } note)
            Assert.Equal(note, page.Find("[data-testid=requirement-note]").TextContent.Trim());
    }

    [Fact]
    public async Task OfficersAdministratorsAndCpoUsersMayRead_ResidentsMayNot_AndAnUnknownCodeIsNotFound()
    {
        foreach (var (account, expected) in new[]
        {
            (DemoAccounts.Officer, HttpStatusCode.OK), (DemoAccounts.Admin, HttpStatusCode.OK),
            (DemoAccounts.Cpo, HttpStatusCode.OK), (DemoAccounts.Resident, HttpStatusCode.Forbidden),
        })
        {
            using var client = await app.LogInAsAsync(account);
            var (list, _) = await client.GetPageAsync("/beheer/eisen");
            var (detail, document) = await client.GetPageAsync("/beheer/eisen/elaad-2025/SC-5");
            Assert.Equal((account, expected, expected), (account, list.StatusCode, detail.StatusCode));
            if (expected == HttpStatusCode.OK)
                Assert.Contains("98", document.QuerySelector("[data-limit=min_percent]")!.TextContent, StringComparison.Ordinal);
        }

        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (missing, _) = await officer.GetPageAsync("/beheer/eisen/elaad-2025/XX-1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

/// <summary>The shipped catalogue, read as the portal reads it.</summary>
internal static class RequirementCatalogueJsonSeed
{
    public static IEnumerable<Requirement> Requirements => Portal.Integration.Requirements.RequirementCatalogueJson.Seed().Requirements;
}
