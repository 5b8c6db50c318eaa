using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Accounts;
using Portal.Features.Policies;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Policies;

/// <summary>The interactive policy page (bUnit) over the real portal and its database.</summary>
public sealed class PolicyPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // A first call warms up the database model; on a busy machine that takes a while.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string ErrorOf(IRenderedComponent<PolicyPage> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<PolicyPage> page, string testId) => page.Find($"[data-testid={testId}]");

    private static int Reasons(IRenderedComponent<PolicyPage> page) => page.FindAll("[data-testid=reject-reason]").Count;

    [Fact]
    public async Task InvalidInput_GetsAMessageNextToEachField_KeepsWhatWasTyped_AndSavesNothing()
    {
        var (municipality, email) = await OfficerAsync("GM0311", "Foutstad");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, email);
        context.RenderProviders();
        var page = context.Render<PolicyPage>();
        page.WaitForAssertion(() => Assert.Equal("Foutstad", page.Find("[data-testid=policy-municipality]").TextContent), Wait);

        await page.Find("#distance").ChangeAsync(new ChangeEventArgs { Value = "tweehonderd" });
        await page.Find("#occupancy").ChangeAsync(new ChangeEventArgs { Value = "150" });
        await page.Find("#reason-0-title").ChangeAsync(new ChangeEventArgs { Value = "" });
        await page.Find("#intro-nl").ChangeAsync(new ChangeEventArgs { Value = "  " });
        await Button(page, "save-policy").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("niet opgeslagen", page.Find("[data-testid=policy-problem]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Vul een heel getal in.", ErrorOf(page, "distance"));
        Assert.Equal("Vul een percentage in tussen 1 en 100.", ErrorOf(page, "occupancy"));
        Assert.Equal("Geef de reden een titel.", ErrorOf(page, "reason-0-title"));
        Assert.Equal("Deze tekst is verplicht.", ErrorOf(page, "intro-nl"));
        Assert.Equal("", ErrorOf(page, "retention"));
        Assert.Equal("tweehonderd", page.Find("#distance").GetAttribute("value"));
        Assert.Equal("true", page.Find("#distance").GetAttribute("aria-invalid"));
        Assert.Equal(0, (await app.CallAsync(email, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.HistoryAsync(u, municipality, Portal.Components.BackOffice.GridQuery.Default))).Total);
    }

    [Fact]
    public async Task AnAddedReason_IsSaved_WithASnackbar_AndTheChangeShowsInTheHistoryGrid()
    {
        var (municipality, email) = await OfficerAsync("GM0312", "Redenstad");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, email);
        context.RenderProviders();
        var page = context.Render<PolicyPage>();
        page.WaitForAssertion(() => Assert.True(Reasons(page) >= 1), Wait);
        var before = Reasons(page);
        page.WaitForAssertion(() => Assert.Contains("nog niet gewijzigd", page.Find("[data-testid=policy-history]").TextContent, StringComparison.Ordinal), Wait);

        await Button(page, "add-reason").ClickAsync(new());
        Assert.Equal(before + 1, Reasons(page));
        await page.Find($"#reason-{before}-title").ChangeAsync(new ChangeEventArgs { Value = "Laadpaal op eigen terrein mogelijk" });
        await page.Find($"#reason-{before}-text").ChangeAsync(new ChangeEventArgs { Value = "U kunt op eigen terrein een laadpaal plaatsen." });
        await page.Find("#distance").ChangeAsync(new ChangeEventArgs { Value = "275" });
        await Button(page, "save-policy").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Het beleid is opgeslagen."), Wait);
        page.WaitForAssertion(() => Assert.Contains("Beleidsafstand (meter): 250 → 275", page.Find("[data-testid=policy-history]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("Rosa Reden", page.Find("[data-testid=policy-history]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=policy-problem]"));
        var view = await app.CallAsync(email, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.OpenAsync(u, municipality));
        Assert.Contains(view!.Form.RejectReasons, r => r.Title == "Laadpaal op eigen terrein mogelijk");
        Assert.Equal("275", view.Form.PolicyDistanceMetres);
    }

    [Fact]
    public async Task RemovingAReason_AsksFirst_AndCancellingKeepsIt()
    {
        var (municipality, email) = await OfficerAsync("GM0313", "Wegstad");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, email);
        var dialogs = context.RenderProviders();
        var page = context.Render<PolicyPage>();
        page.WaitForAssertion(() => Assert.True(Reasons(page) >= 1), Wait);
        await Button(page, "add-reason").ClickAsync(new());
        await page.Find("#reason-1-title").ChangeAsync(new ChangeEventArgs { Value = "Tijdelijke reden" });
        await page.Find("#reason-1-text").ChangeAsync(new ChangeEventArgs { Value = "Alleen om te verwijderen." });
        await Button(page, "save-policy").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Het beleid is opgeslagen."), Wait);

        _ = page.FindAll("[data-testid=remove-reason]")[1].ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Tijdelijke reden", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal), Wait);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Annuleren").ClickAsync(new()));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        Assert.Equal(2, Reasons(page));

        _ = page.FindAll("[data-testid=remove-reason]")[1].ClickAsync(new());
        dialogs.WaitForElement(".mud-dialog", Wait);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Reden verwijderen").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal(1, Reasons(page)), Wait);
        await Button(page, "save-policy").ClickAsync(new());

        // The history grid has the second change once it is saved.
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=policy-history] tbody tr").Count), Wait);
        var view = await app.CallAsync(email, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.OpenAsync(u, municipality));
        Assert.DoesNotContain(view!.Form.RejectReasons, r => r.Title == "Tijdelijke reden");
    }

    [Fact]
    public async Task RemovingAZone_AsksFirst_ThenTakesItOutOfThePolicy()
    {
        var (municipality, email) = await OfficerAsync("GM0314", "Zonestad");
        const string zones = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "naam": "Noord" }, "geometry": { "type": "Polygon", "coordinates": [[[5.91, 51.99], [5.93, 51.99], [5.93, 52.00], [5.91, 51.99]]] } },
              { "type": "Feature", "properties": { "naam": "Zuid" }, "geometry": { "type": "Polygon", "coordinates": [[[5.91, 51.97], [5.93, 51.97], [5.93, 51.98], [5.91, 51.97]]] } }
            ] }
            """;
        var bytes = Encoding.UTF8.GetBytes(zones);
        Assert.Equal(2, (await app.CallAsync(email, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.UploadZonesAsync(u, municipality, "zones.geojson", bytes.Length, new MemoryStream(bytes)))).Saved);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, email);
        var dialogs = context.RenderProviders();
        var page = context.Render<PolicyPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=zones] li").Count), Wait);
        Assert.Contains("Noord", page.FindComponent<Portal.Components.BackOffice.BackOfficeMap>().Instance.Overlay, StringComparison.Ordinal);

        _ = page.Find("[data-zone=Noord] button").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Noord", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal), Wait);
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Zone verwijderen").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Equal(["Zuid"], page.FindAll("[data-testid=zones] li .policy-zones__name").Select(z => z.TextContent.Trim())), Wait);
        Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message == "Zone Noord is verwijderd.");
        // The map draws the zones that are left.
        var overlay = page.FindComponent<Portal.Components.BackOffice.BackOfficeMap>().Instance.Overlay!;
        Assert.Contains("Zuid", overlay, StringComparison.Ordinal);
        Assert.DoesNotContain("Noord", overlay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministrator_ChoosesAmongEveryMunicipality_AnOfficerSeesOnlyTheirOwn()
    {
        var (_, email) = await OfficerAsync("GM0315", "Eigenstad");
        await using (var officer = await BackOfficeContext.SignedInAsAsync(app, email))
        {
            officer.RenderProviders();
            var own = officer.Render<PolicyPage>();
            own.WaitForAssertion(() => Assert.Equal("Eigenstad", own.Find("[data-testid=policy-municipality]").TextContent), Wait);
            Assert.Empty(own.FindAll("#gemeente"));
            Assert.DoesNotContain("Arnhem", own.Markup, StringComparison.Ordinal);
        }

        await using var admin = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        admin.RenderProviders();
        var page = admin.Render<PolicyPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#gemeente")), Wait);
        var names = (await app.CallAsync(DemoAccounts.Admin, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.MunicipalitiesAsync(u))).Select(m => m.Name).ToList();
        Assert.Contains("Arnhem", names);
        Assert.Contains("Eigenstad", names);
        Assert.Equal(names[0], page.Find("[data-testid=policy-municipality]").TextContent);
        // An administrator is not an officer: no trail back to the officer's overview.
        Assert.Empty(page.FindAll("nav[aria-label] a[href='/beheer']"));
    }

    private async Task<(Guid Municipality, string Email)> OfficerAsync(string code, string name)
    {
        var municipality = await OfficerTestData.MunicipalityAsync(app, code, name);
        var email = $"{name.ToLowerInvariant()}@beleid.test";
        await OfficerTestData.UserAsync(app, email, name == "Redenstad" ? "Rosa Reden" : $"Ambtenaar {name}", PortalRoles.Officer, municipality);
        return (municipality, email);
    }
}
