using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Features.Installations;
using Portal.Features.Installations.Commissioning;
using Portal.Tests.Admin;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Installations.FollowUp.FollowUpTestData;

namespace Portal.Tests.Installations.FollowUp;

/// <summary>The commissioning panel on its own in bUnit, and the resident's application page over HTTP, on the real app.</summary>
public sealed class ConfirmingOnTheCommissioningPanelTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = AdminSteps.Wait;

    private Task<Guid> LaadnetAsync() => OperatorAsync(app, "Laadnet Paneel", "NL*LDP", "planner@laadnet-paneel.example");

    [Fact]
    public async Task TheCpo_SeesTheProposal_ConfirmsAfterTheDialog_AndThePanelSaysItIsLive()
    {
        var cpo = await LaadnetAsync();
        const double offset = 0.0501;
        var spot = await ReadySpotAsync(app, "Paneelweg 1", offset);
        var id = await AcceptedCaseAsync(app, spot, cpo, "planner@laadnet-paneel.example");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, "planner@laadnet-paneel.example");
        var dialogs = context.RenderProviders();

        var empty = context.Render<CommissioningPanel>(p => p.Add(x => x.InstallationCaseId, id));
        empty.WaitForElement("[data-testid=no-proposals]", Wait);
        Assert.StartsWith("Geen locatie van deze laadpaalexploitant binnen 25 m", empty.Find("[data-testid=no-proposals]").TextContent.Trim(), StringComparison.Ordinal);

        // The CPO brings the location online 12 m from the spot: the panel proposes it when it is shown again.
        await PushLocationAsync(app, "NL", "LDP", "PNL-12", "Paneelweg 2", 51.99 + offset + North(12), 5.90);
        var panel = context.Render<CommissioningPanel>(p => p.Add(x => x.InstallationCaseId, id));
        panel.WaitForElement("[data-testid=proposal]", Wait);
        var row = panel.Find("[data-testid=proposal]").TextContent;
        Assert.Contains("PNL-12", row, StringComparison.Ordinal);
        Assert.Contains("Paneelweg 2, Arnhem", row, StringComparison.Ordinal);
        Assert.Contains("12 m", row, StringComparison.Ordinal);
        Assert.Contains("PNL-12-1", row, StringComparison.Ordinal);
        Assert.DoesNotContain("PNL-12-2", row, StringComparison.Ordinal);

        panel.PressAndWaitForDialog("Bevestigen", dialogs);
        await dialogs.ConfirmAsync("Locatie PNL-12 (Paneelweg 2, Arnhem) wordt het laadpunt van deze zaak");

        panel.WaitForElement("[data-testid=commissioned]", Wait);
        var today = app.Today();
        // The day in the culture of the reader's circuit (here the test's own).
        Assert.Equal($"In gebruik sinds {today.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)}: locatie NL*LDP*PNL-12, EVSE's PNL-12-1.",
            panel.Find("[data-testid=commissioned]").TextContent.Trim());
        Assert.Equal(SpotStatus.Realised, await ReadAsync(app, db => db.Spots.Where(s => s.Id == spot).Select(s => s.Status).SingleAsync()));
        var installation = (await app.AsAsync<InstallationService, InstallationCase?>(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal(today, installation[InstallationStep.Commissioned].DoneOn);
    }

    [Fact]
    public async Task TheResidentsApplicationPage_SaysInPlainWordsWhereTheInstallationIs()
    {
        var cpo = await LaadnetAsync();
        var spot = await ReadySpotAsync(app, "Paneelweg 11", 0.0521);
        var application = await ApprovedApplicationAsync(app, DemoAccounts.Resident, spot, 21);
        var id = await AcceptedCaseAsync(app, spot, cpo, "planner@laadnet-paneel.example");
        var today = app.Today();
        var requested = today.AddDays(-7);
        Assert.Null((await app.AsAsync<InstallationService, InstallationStepResult>("planner@laadnet-paneel.example",
            (s, u) => s.RequestGridConnectionAsync(u, id, "Liander", "LIA-77", GridConnectionKind.NewOrWithGroundwork, requested, null))).Problem);

        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var (_, page) = await resident.GetPageAsync($"/aanvragen/{application.Id}");

        // A new connection: 18 weeks, 126 days after the request. The year is named only when it is not this year.
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        string Day(DateOnly d) => d.ToString(d.Year == today.Year ? "d MMMM" : "d MMMM yyyy", dutch);
        Assert.Equal($"De netaansluiting is op {Day(requested)} aangevraagd; de netbeheerder heeft tot {Day(requested.AddDays(126))}.",
            page.QuerySelector("[data-testid=installation-status]")?.TextContent);
    }
}
