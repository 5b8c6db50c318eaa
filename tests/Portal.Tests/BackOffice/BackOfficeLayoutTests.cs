using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Hosting;
using Portal.Components.Layout;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.BackOffice;

/// <summary>The back office's frame: what each role finds in the drawer, where the brand leads, and signing out.</summary>
public sealed class BackOfficeLayoutTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly RenderFragment Body = builder => builder.AddContent(0, "inhoud");

    private static IReadOnlyList<string> DrawerLinks(IRenderedComponent<BackOfficeLayout> layout) =>
        layout.FindAll("#backoffice-drawer a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task AnOfficer_FindsTheOfficersWork_AndNoAdministration()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        var layout = context.Render<BackOfficeLayout>(p => p.Add(l => l.Body, Body));

        var links = DrawerLinks(layout);
        Assert.Equal(["/beheer", "/beheer/aanvragen", "/beheer/plekken", "/beheer/verkeersbesluiten", "/beheer/verkeersbesluiten/sjabloon", "/beheer/contracten", "/beheer/installaties", "/beheer/uitsluitingen", "/beheer/bevindingen", "/beheer/datakwaliteit", "/beheer/audits", "/beheer/veldcontroles", "/beheer/slim-laden", "/beheer/gebruik", "/beheer/beleid", "/beheer/laadpunten", "/beheer/laadpunten/importeren", "/beheer/eisen", "/", "/account"], links);
        Assert.Equal("/beheer", layout.Find(".backoffice-brand").GetAttribute("href"));
        var municipality = app.App.Services.GetRequiredService<IOptions<ThemeOptions>>().Value.MunicipalityName;
        Assert.Equal(municipality, layout.Find(".backoffice-brand__name").TextContent.Trim());
        Assert.Contains("inhoud", layout.Find("main#main").TextContent, StringComparison.Ordinal);
        Assert.Contains(context.JSInterop.Invocations, i => i.Identifier == "portalBackOffice.circuitUp");
    }

    [Fact]
    public async Task ACpoUser_FindsTheirOperatorsPages_AndThePublicRequirementCatalogue()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo);

        var layout = context.Render<BackOfficeLayout>(p => p.Add(l => l.Body, Body));

        Assert.Equal(["/cpo", "/cpo/uitsluitingen", "/cpo/audits", "/cpo/bevindingen", "/cpo/gebruik", "/cpo/slim-laden", "/beheer/contracten", "/beheer/installaties", "/beheer/eisen", "/", "/account"], DrawerLinks(layout));
        Assert.Equal("/cpo", layout.Find(".backoffice-brand").GetAttribute("href"));
    }

    [Fact]
    public async Task AnAdministrator_FindsTheAdministration_AndThePolicy()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);

        var layout = context.Render<BackOfficeLayout>(p => p.Add(l => l.Body, Body));

        Assert.Equal(["/admin/gebruikers", "/admin/gemeenten", "/admin/operators", "/admin/ocpi", "/admin/mail", "/admin/eisen", "/admin/jobs", "/beheer/beleid", "/beheer/laadpunten", "/beheer/gebruik", "/beheer/contracten", "/beheer/eisen", "/", "/account"], DrawerLinks(layout));
        Assert.Equal("/admin/gebruikers", layout.Find(".backoffice-brand").GetAttribute("href"));
    }

    [Fact]
    public async Task SigningOut_IsAPostToTheLogOutEndpoint_NamedInTheReadersLanguage()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);

        var layout = context.Render<BackOfficeLayout>(p => p.Add(l => l.Body, Body));

        var form = layout.Find("form.backoffice-logout");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/account/uitloggen", form.GetAttribute("action"));
        Assert.Contains("Uitloggen", form.QuerySelector("button[type=submit]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/admin/gemeenten#main", SkipLink(context, layout, "/admin/gemeenten"));
    }

    private static string SkipLink(BackOfficeContext context, IRenderedComponent<BackOfficeLayout> layout, string path)
    {
        context.Navigation.NavigateTo(path);
        layout.Render();
        return layout.Find(".backoffice-skip-link").GetAttribute("href")!;
    }
}
