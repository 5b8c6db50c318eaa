using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Features.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>One municipality's interactive page (bUnit over the real portal and database): rename, boundary upload, the boundary shown.</summary>
public sealed class MunicipalityPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static IRenderedComponent<MunicipalityPage> Open(BackOfficeContext context, Guid id) =>
        context.Render<MunicipalityPage>(p => p.Add(x => x.Id, id));

    private static string Boundary(IRenderedComponent<MunicipalityPage> page) => page.Find("[data-testid=boundary]").TextContent.Trim();

    /// <summary>Chooses a file in the upload's (hidden) file input, as the button's file picker does.</summary>
    private static void Upload(IRenderedComponent<MunicipalityPage> page, string content, string fileName) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, fileName));

    [Fact]
    public async Task ThePage_IsPrerenderedWithTheBoundaryState_ForAdministratorsOnly()
    {
        var id = await app.RegisterMunicipalityAsync("GM1801", "Voorafdorp");
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (response, page) = await admin.GetPageAsync($"/admin/gemeenten/{id}");
        var (refused, _) = await officer.GetPageAsync($"/admin/gemeenten/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Voorafdorp", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Nog niet bekend", page.QuerySelector("[data-testid=boundary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task UploadingABoundary_ShowsItsExtent_WithASnackbar()
    {
        var id = await app.RegisterMunicipalityAsync("GM1802", "Grensdorp");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var map = context.JSInterop.SetupModule(BackOfficeMap.ModulePath);
        context.RenderProviders();
        var page = Open(context, id);
        page.WaitForAssertion(() => Assert.StartsWith("Nog niet bekend", Boundary(page), StringComparison.Ordinal), AdminSteps.Wait);
        Assert.Empty(page.FindAll("[data-testid=boundary-map]"));

        Upload(page, SettingAMunicipalBoundaryTests.Square, "grensdorp.geojson");

        page.WaitForAssertion(() => Assert.Equal("Bekend (van 52, 5 tot 52.2, 5.2)", Boundary(page)), AdminSteps.Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De gemeentegrens is opgeslagen.");
        Assert.NotNull(await app.QueryAsync(db => db.Municipalities.Where(m => m.Id == id).Select(m => m.BoundaryWkt).SingleAsync()));
        // The boundary is drawn on a small map that fits it, named for those who do not see it and described by the same extent.
        page.WaitForAssertion(() => map.VerifyInvoke("create"), AdminSteps.Wait);
        var options = JsonSerializer.SerializeToElement(map.VerifyInvoke("create").Arguments[1], new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.StartsWith("""{"type":"Polygon","coordinates":[[[5,52]""", options.GetProperty("overlay").GetString(), StringComparison.Ordinal);
        Assert.True(options.GetProperty("fitToOverlay").GetBoolean());
        Assert.Equal("Kaart met de gemeentegrens van Grensdorp", page.Find("[data-testid=boundary-map] [role=region]").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("grens.txt", SettingAMunicipalBoundaryTests.Square, "Kies een GeoJSON-bestand (.geojson of .json).")]
    [InlineData("grens.geojson", "", "Kies een bestand om te importeren.")]
    [InlineData("grens.json", """{"type": "Point", "coordinates": [5.1, 52.1]}""", "precies één Polygon of MultiPolygon")]
    public async Task AnUnusableFile_IsRefusedWithTheReason_AndTheBoundaryStaysUnknown(string fileName, string content, string expected)
    {
        var id = await app.RegisterMunicipalityAsync($"GM{Random.Shared.Next(2000, 9999)}", $"Weigerdorp {Guid.NewGuid():N}");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = Open(context, id);
        page.WaitForElement("[data-testid=boundary]", AdminSteps.Wait);

        Upload(page, content, fileName);

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("[data-testid=boundary-problem]").TextContent, StringComparison.Ordinal), AdminSteps.Wait);
        Assert.StartsWith("Nog niet bekend", Boundary(page), StringComparison.Ordinal);
        Assert.Null(await app.QueryAsync(db => db.Municipalities.Where(m => m.Id == id).Select(m => m.BoundaryWkt).SingleAsync()));
    }

    [Fact]
    public async Task Renaming_ChangesTheTitle_AndAnEmptyNameIsRefusedInDutch()
    {
        var id = await app.RegisterMunicipalityAsync("GM1803", "Naamdorp");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        var page = Open(context, id);
        page.WaitForElement("#municipality-rename", AdminSteps.Wait);

        await page.TypeAsync("#municipality-rename", "");
        await page.PressAsync("Opslaan");
        page.WaitForAssertion(() => Assert.Contains("Vul dit veld in.", page.Markup, StringComparison.Ordinal), AdminSteps.Wait);

        await page.TypeAsync("#municipality-rename", "Nieuwdorp");
        await page.PressAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Equal("Nieuwdorp", page.Find("h1").TextContent.Trim()), AdminSteps.Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "De wijzigingen zijn opgeslagen.");
        Assert.Equal("Nieuwdorp", await app.QueryAsync(db => db.Municipalities.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));
    }
}
