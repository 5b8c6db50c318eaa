using Bunit;
using Portal.Components.BackOffice;
using Portal.Domain.Installations;
using Portal.Features.Installations.Board;
using Portal.Tests.Admin;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Installations.Board;

/// <summary>The installation board over the real app and its database: what each reader sees, the filters, paging and the counts per step.</summary>
public sealed class ReadingTheInstallationBoardTests : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = AdminSteps.Wait;
    private readonly PortalAppFactory app;

    public ReadingTheInstallationBoardTests(PortalAppFactory app)
    {
        this.app = app;
        Spots.SpotPageTesting.ReadInDutch();
    }

    private static DateOnly Today => InstallationBoardTesting.Today;

    private Task<InstallationBoardResult> BoardAsync(string email, InstallationBoardFilter filter, string? search = null, int page = 0, int pageSize = 25) =>
        app.CallAsync(email, (InstallationBoardQueries q, System.Security.Claims.ClaimsPrincipal u) => q.ListAsync(u, new GridQuery(search, null, false, page, pageSize), filter));

    [Fact]
    public async Task TheBoard_FiltersOnDistrictStepStatusAndOverdue_CountsPerStep_AndPages()
    {
        // Three cases on one street: two in PC4 6811, one in 6812.
        var a = await app.OpenedCaseAsync("Bordstraat 1, 6811 AB Arnhem", 0.0201);
        var b = await app.OpenedCaseAsync("Bordstraat 3, 6811 CD Arnhem", 0.0202);
        var c = await app.OpenedCaseAsync("Bordstraat 5, 6812 EF Arnhem", 0.0203);
        // a: accepted, its neighbours' letter planned for three days ago and not sent, so overdue; b: accepted; c: not accepted, paused.
        foreach (var id in new[] { a, b })
            Assert.Null((await app.InstallationsAsync(DemoAccounts.Cpo, (s, u) => s.AcceptAsync(u, id, null))).Problem);
        Assert.Null((await app.InstallationsAsync(DemoAccounts.Cpo, (s, u) => s.PlanAsync(u, a, InstallationStep.LocationProposalChecked, Today.AddDays(-3)))).Problem);
        Assert.Null((await app.InstallationsAsync(DemoAccounts.Officer, (s, u) => s.PauseAsync(u, c, "Geen netcapaciteit"))).Problem);

        var all = await BoardAsync(DemoAccounts.Officer, new(), "Bordstraat");
        // Overdue first, then the oldest: a (late), then b and c in the order they were opened.
        Assert.Equal([a, b, c], all.Items.Select(r => r.Id));
        Assert.Equal((2, 1), (all.AtStep[InstallationStep.LocationProposalChecked], all.AtStep[InstallationStep.AcceptedByCpo]));
        Assert.Equal(1, all.OverdueCount);
        var late = Assert.Single(all.Items[0].Overdue);
        Assert.Equal((InstallationStep.LocationProposalChecked, Today.AddDays(-3), OverdueKind.PlannedDayPassed), (late.Step, late.DueOn, late.Kind));
        Assert.Equal(["6811", "6811", "6812"], all.Items.Select(r => r.District));

        Assert.Equal([a, b], (await BoardAsync(DemoAccounts.Officer, new(District: "6811"), "Bordstraat")).Items.Select(r => r.Id));
        Assert.Equal([a], (await BoardAsync(DemoAccounts.Officer, new(OnlyOverdue: true), "Bordstraat")).Items.Select(r => r.Id));
        Assert.Equal([c], (await BoardAsync(DemoAccounts.Officer, new(Status: InstallationCaseStatus.Paused), "Bordstraat")).Items.Select(r => r.Id));
        Assert.Equal([c], (await BoardAsync(DemoAccounts.Officer, new(Next: InstallationStep.AcceptedByCpo), "Bordstraat")).Items.Select(r => r.Id));
        // Opened today: none is older than three months.
        Assert.Empty((await BoardAsync(DemoAccounts.Officer, new(OlderThanMonths: 3), "Bordstraat")).Items);

        var second = await BoardAsync(DemoAccounts.Officer, new(), "Bordstraat", page: 1, pageSize: 2);
        Assert.Equal(3, second.Total);
        Assert.Equal([c], second.Items.Select(r => r.Id));
        var byAddressDescending = await app.CallAsync(DemoAccounts.Officer, (InstallationBoardQueries q, System.Security.Claims.ClaimsPrincipal u) =>
            q.ListAsync(u, new GridQuery("Bordstraat", "SpotAddress", true, 0, 25), new InstallationBoardFilter()));
        Assert.Equal([c, b, a], byAddressDescending.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task ACpoUserOfAnotherOperator_AndAnOfficerOfAnotherMunicipality_SeeNone_WhileTheCposUserAndTheAdministratorSeeIt()
    {
        var id = await app.OpenedCaseAsync("Afschermweg 2, 6813 AA Arnhem", 0.0204);
        await app.OutsidersAsync();

        Assert.Empty((await BoardAsync(ContractTestSetup.OtherCpo, new(), "Afschermweg")).Items);
        Assert.Empty((await BoardAsync(ContractTestSetup.EdeOfficer, new(), "Afschermweg")).Items);
        Assert.Equal(id, Assert.Single((await BoardAsync(DemoAccounts.Cpo, new(), "Afschermweg")).Items).Id);
        Assert.Equal(id, Assert.Single((await BoardAsync(DemoAccounts.Admin, new(), "Afschermweg")).Items).Id);
        var choices = await app.CallAsync(ContractTestSetup.OtherCpo, (InstallationBoardQueries q, System.Security.Claims.ClaimsPrincipal u) => q.ChoicesAsync(u));
        Assert.Empty(choices.Operators);
        Assert.Empty(choices.Districts);

        await using var context = await BackOfficeContext.SignedInAsAsync(app, ContractTestSetup.OtherCpo);
        context.RenderProviders();
        var page = context.Render<InstallationBoardPage>();
        page.WaitForElement("[data-testid=board-empty]", Wait);
        Assert.Equal("Er zijn geen installatiezaken van uw organisatie die bij deze filters passen.", page.Find("[data-testid=board-empty]").TextContent.Trim());
    }

    [Fact]
    public async Task TheBoardPage_ListsTheCase_MarksItOverdue_AndKeepsTheFiltersInTheAddress()
    {
        var id = await app.OpenedCaseAsync("Paginaweg 9, 6814 BB Arnhem", 0.0205);
        Assert.Null((await app.InstallationsAsync(DemoAccounts.Officer, (s, u) => s.PlanAsync(u, id, InstallationStep.AcceptedByCpo, Today.AddDays(-1)))).Problem);
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        context.Navigation.NavigateTo("/beheer/installaties?zoek=Paginaweg&telaat=1");

        var page = context.Render<InstallationBoardPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=board-case]")), Wait);
        Assert.Equal($"/beheer/installaties/{id}", page.Find("[data-testid=board-case]").GetAttribute("href"));
        Assert.Equal("Te laat", page.Find("[data-testid=board-overdue]").TextContent.Trim());
        Assert.Equal("Geaccepteerd door de CPO", page.Find("[data-testid=board-step]").TextContent.Trim());
        Assert.Contains("Geaccepteerd door de CPO: 1", page.Find("[data-testid=board-counts]").TextContent, StringComparison.Ordinal);
        Assert.Contains("telaat=1", context.Navigation.Uri, StringComparison.Ordinal);
    }
}
