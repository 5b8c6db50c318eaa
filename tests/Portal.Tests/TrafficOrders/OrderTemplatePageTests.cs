using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Features.TrafficOrders.Publishing;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TrafficOrders;

/// <summary>The interactive order text template page (bUnit) over the real portal and its database.</summary>
public sealed class OrderTemplatePageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // A first call warms up the database model; on a busy machine that takes a while.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string ErrorOf(IRenderedComponent<OrderTemplatePage> page, string part) =>
        page.Find($"#part-{part}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    private async Task<(Guid Municipality, string Email)> OfficerAsync(string code, string name, string officerName)
    {
        var municipality = await OfficerTestData.MunicipalityAsync(app, code, name);
        var email = $"{name.ToLowerInvariant()}@sjabloon.test";
        await OfficerTestData.UserAsync(app, email, officerName, PortalRoles.Officer, municipality);
        return (municipality, email);
    }

    [Fact]
    public async Task AnUnknownPlaceholder_IsNamedUnderItsField_AsItIsTyped_AndSavingIsRefused()
    {
        var (municipality, email) = await OfficerAsync("GM0321", "Plaatsstad", "Piet Plaats");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, email);
        context.RenderProviders();
        var page = context.Render<OrderTemplatePage>();
        page.WaitForAssertion(() => Assert.Equal("Plaatsstad", page.Find("[data-testid=template-municipality]").TextContent.Trim()), Wait);
        Assert.Contains("standaardtekst", page.Find("[data-testid=template-state]").TextContent, StringComparison.Ordinal);

        await page.Find("#part-Considerations").ChangeAsync(new ChangeEventArgs { Value = "dat {naam_aanvrager} erom vroeg;" });
        await page.Find("#part-ObjectionClause").ChangeAsync(new ChangeEventArgs { Value = "Bezwaar kan binnen zes weken." });

        page.WaitForAssertion(() => Assert.StartsWith("De plaatshouder {naam_aanvrager} bestaat niet. Gebruik een van: {gemeente},", ErrorOf(page, "Considerations"), StringComparison.Ordinal), Wait);
        Assert.Equal("Deze clausule moet de berekende laatste dag noemen: neem {laatste_dag} op.", ErrorOf(page, "ObjectionClause"));
        Assert.Equal("", ErrorOf(page, "Title"));
        await page.Find("[data-testid=save-template]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("niet opgeslagen", page.Find("[data-testid=template-problem]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("dat {naam_aanvrager} erom vroeg;", page.Find("#part-Considerations").GetAttribute("value") ?? page.Find("#part-Considerations").TextContent);
        Assert.Equal(0, await OfficerTestData.ReadAsync(app, db => db.OrderTemplateVersions.CountAsync(v => v.MunicipalityId == municipality)));
    }

    [Fact]
    public async Task ASavedTitle_BecomesVersionOne_ShowsInThePreview_AndInTheVersions()
    {
        var (municipality, email) = await OfficerAsync("GM0322", "Titelstad", "Tom Tekst");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, email);
        context.RenderProviders();
        var page = context.Render<OrderTemplatePage>();
        page.WaitForAssertion(() => Assert.Contains("Verkeersbesluit Laadplaatsen voorbeeldwijk", page.Find("[data-testid=template-preview]").TextContent, StringComparison.Ordinal), Wait);

        await page.Find("#part-Title").ChangeAsync(new ChangeEventArgs { Value = "Aanwijzing laadplaatsen {titel} ({kenmerk})" });
        page.WaitForAssertion(() => Assert.Contains("Aanwijzing laadplaatsen Laadplaatsen voorbeeldwijk (VB-", page.Find("[data-testid=template-preview]").TextContent, StringComparison.Ordinal), Wait);
        await page.Find("[data-testid=save-template]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De tekst is opgeslagen als nieuwe versie. Gepubliceerde besluiten houden hun tekst."), Wait);
        page.WaitForAssertion(() => Assert.StartsWith("Versie 1, opgeslagen op", page.Find("[data-testid=template-state]").TextContent.Trim(), StringComparison.Ordinal), Wait);
        Assert.Contains("Tom Tekst", page.Find("[data-testid=template-state]").TextContent, StringComparison.Ordinal);
        var history = page.Find("[data-testid=template-history]").TextContent;
        Assert.Contains("Tom Tekst", history, StringComparison.Ordinal);
        Assert.Contains("Titel", history, StringComparison.Ordinal);
        var saved = await OfficerTestData.ReadAsync(app, db => db.OrderTemplateVersions.SingleAsync(v => v.MunicipalityId == municipality));
        Assert.Equal((1, "Aanwijzing laadplaatsen {titel} ({kenmerk})"), (saved.Version, saved.Title));
    }
}
