using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.Pulling;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>One connection's page (prerendered over HTTP, interactive in bUnit): its pull runs as a grid, and the pushes received.</summary>
public sealed class OcpiConnectionPageTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    private static IReadOnlyList<string> Outcomes(IRenderedComponent<OcpiConnectionPage> page) =>
        page.FindAll("[data-testid=runs] [data-testid=outcome]").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task ThePullRuns_AreNewestFirst_AndFilteredOnOutcome_WithTheFilterInTheAddress()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "RN1");
        cpo.Add("sessions", OcpiPullAppFactory.Session("S-RN1", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc)));
        var connectionId = await app.ConnectAsync(cpo, "Runnet");
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Sessions)).Outcome);
        cpo.RefuseAll = true;
        var failed = await app.PullAsync(connectionId, OcpiModule.Sessions);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/ocpi/{connectionId}");

        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));

        page.WaitForAssertion(() => Assert.Equal(["Mislukt", "Gelukt"], Outcomes(page)), AdminSteps.Wait);
        await page.ChooseAsync<PullOutcome?>("runs-outcome", PullOutcome.Failed);
        page.WaitForAssertion(() => Assert.Equal(["Mislukt"], Outcomes(page)), AdminSteps.Wait);
        Assert.Equal(failed.FailedRequestId, page.Find("[data-testid=runs] [data-testid=request-id]").TextContent);
        Assert.EndsWith($"/admin/ocpi/{connectionId}?uitkomst=Failed", context.Navigation.Uri, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=failing]"));
    }

    [Fact]
    public async Task APullThatFailsWhileThePageIsOpen_ShowsItsRunAndTheWarning_WithoutReloading()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "LV1");
        cpo.Add("sessions", OcpiPullAppFactory.Session("S-LV1", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc)));
        var connectionId = await app.ConnectAsync(cpo, "Livenet");
        Assert.Equal(PullOutcome.Succeeded, (await app.PullAsync(connectionId, OcpiModule.Sessions)).Outcome);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/ocpi/{connectionId}");
        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));
        page.WaitForAssertion(() => Assert.Equal(["Gelukt"], Outcomes(page)), AdminSteps.Wait);
        Assert.Empty(page.FindAll("[data-testid=failing]"));

        // The scheduled pull runs outside the page, as it would on any node.
        cpo.RefuseAll = true;
        var failed = await app.PullAsync(connectionId, OcpiModule.Sessions);

        page.WaitForAssertion(() => Assert.Equal(["Mislukt", "Gelukt"], Outcomes(page)), AdminSteps.Wait);
        Assert.Equal(failed.FailedRequestId, page.Find("[data-testid=runs] [data-testid=request-id]").TextContent);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=failing]")), AdminSteps.Wait);
    }

    [Fact]
    public async Task ThePushesOfTheCpo_AreCounted_ButPulledStatusesAreNot()
    {
        using var partner = await OcpiPartner.RegisterAsync(app, "NL", "LDN");
        var connectionId = await app.QueryAsync(db => db.OcpiConnections.Where(c => c.PartyId == "LDN").Select(c => c.Id).SingleAsync());
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, before) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");

        var pushed = await partner.PutAsync("/ocpi/2.2.1/locations/NL/LDN/PSH-1", OcpiPartner.Location("PSH-1", "Pushstraat 1"));
        var (response, after) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}");

        Assert.Equal(HttpStatusCode.Created, pushed.Response.StatusCode);
        Assert.Equal("Nog niets ontvangen", before.QuerySelector("[data-testid=pushes]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("2 statuswijzigingen in de laatste 24 uur, de laatste op ", after.QuerySelector("[data-testid=pushes]")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
