using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Features.Admin;
using Portal.Integration.Ocpi.Pulling;
using Portal.Resources;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>The connection page's "Datakwaliteit" section and the run summary (interactive, in bUnit), after real pulls from the fake CPO.</summary>
public sealed class OcpiConnectionQualityPageTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    private static readonly DateTime When = DateTime.UtcNow.AddHours(-2);

    private async Task<Guid> PulledWithFlawsAsync(FakeCpo cpo)
    {
        var connectionId = await app.ConnectAsync(cpo, $"Kwaliteit {cpo.PartyId}");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, $"{cpo.PartyId}-OK", When));
        var unusable = OcpiPullAppFactory.Location(cpo, $"{cpo.PartyId}-UNUSABLE", When);
        unusable["evses"]![0]!["status"] = "SLEEPING";
        cpo.Add("locations", unusable);
        foreach (var id in new[] { $"{cpo.PartyId}-DEV1", $"{cpo.PartyId}-DEV2" })
        {
            var deviating = OcpiPullAppFactory.Location(cpo, id, When);
            deviating["parking_type"] = "PUBLIC";
            cpo.Add("locations", deviating);
        }
        var report = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);
        Assert.Equal((PullOutcome.Succeeded, 1, 2), (report.Outcome, report.Refused, report.Flagged));
        return connectionId;
    }

    [Fact]
    public async Task ANewConnection_SaysItHasNoDeviations_AndIsLenient()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "QP0");
        var connectionId = await app.ConnectAsync(cpo, "Leeg");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/ocpi/{connectionId}");

        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));

        page.WaitForAssertion(() => Assert.Equal("Geen afwijkingen gevonden.", page.Find("[data-testid=no-findings]").TextContent.Trim()), AdminSteps.Wait);
        Assert.Contains("soepel", page.Find("[data-testid=validation-mode]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAPull_TheRunSaysWhatWasRefusedAndFlagged_AndTheSectionCountsPerRule_WithTheObjects()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "QP1");
        var connectionId = await PulledWithFlawsAsync(cpo);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/ocpi/{connectionId}");

        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));

        page.WaitForAssertion(() => Assert.Equal("Gelukt, 1 geweigerd, 2 met afwijkingen", page.Find("[data-testid=runs] [data-testid=outcome]").TextContent.Trim()), AdminSteps.Wait);
        var rule = Assert.Single(page.FindAll("[data-testid=quality-rule]"));
        Assert.Contains("enum.unknown", rule.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waarde die niet in de lijst van OCPI staat", rule.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", rule.QuerySelector("[data-testid=quality-objects-count]")!.TextContent.Trim());

        await page.InvokeAsync(() => page.Find("[data-testid=show-objects]").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=quality-objects] [data-testid=finding-value]").Count), AdminSteps.Wait);
        Assert.All(page.FindAll("[data-testid=quality-objects] [data-testid=finding-value]"), v => Assert.Equal("PUBLIC", v.TextContent));
        Assert.Contains("QP1-DEV1", page.Find("[data-testid=quality-objects]").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-testid=show-refusals]").ClickAsync(new()));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=refusal]")), AdminSteps.Wait);
        var refusal = page.Find("[data-testid=refusal]").TextContent;
        Assert.Contains("QP1-UNUSABLE", refusal, StringComparison.Ordinal);
        Assert.Contains("Status van een EVSE ontbreekt of is geen OCPI-status", refusal, StringComparison.Ordinal);
        Assert.Contains("SLEEPING", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MakingTheConnectionStrict_AsksFirst_ThenRefusesWhatDeviates()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "QP2");
        var connectionId = await app.ConnectAsync(cpo, "Streng");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        var dialogs = context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/ocpi/{connectionId}");
        var page = context.Render<OcpiConnectionPage>(p => p.Add(x => x.Id, connectionId));
        page.WaitForElement("[data-testid=toggle-strict]", AdminSteps.Wait);

        page.PressAndWaitForDialog("Streng controleren", dialogs);
        await dialogs.ConfirmAsync("ook als de betekenis duidelijk is");

        page.WaitForAssertion(() => Assert.Contains("streng", page.Find("[data-testid=validation-mode]").TextContent, StringComparison.Ordinal), AdminSteps.Wait);
        Assert.True(await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.StrictValidation).SingleAsync()));
        var deviating = OcpiPullAppFactory.Location(cpo, "QP2-DEV", When);
        deviating["parking_type"] = "PUBLIC";
        cpo.Add("locations", deviating);
        var report = await app.PullAsync(connectionId, OcpiModule.Locations, PullMode.Full);
        Assert.Equal((1, 0), (report.Refused, report.Flagged));
    }

    [Fact]
    public async Task TheRunSummary_IsInTheReadersLanguage()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "QP3");
        var connectionId = await PulledWithFlawsAsync(cpo);
        var run = await app.QueryAsync(db => db.OcpiPullRuns.AsNoTracking().SingleAsync(r => r.ConnectionId == connectionId));
        await using var scope = app.App.Services.CreateAsyncScope();
        var texts = scope.ServiceProvider.GetRequiredService<IStringLocalizer<Texts>>();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Succeeded, 1 refused, 2 with deviations", OcpiConnectionTexts.Outcome(texts, run));
            Assert.Equal("A value that is not in OCPI's list", OcpiConnectionTexts.Rule(texts, "enum.unknown"));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
            Assert.Equal("Gelukt, 1 geweigerd, 2 met afwijkingen", OcpiConnectionTexts.Outcome(texts, run));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
