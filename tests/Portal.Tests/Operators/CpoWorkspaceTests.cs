using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Installations;
using Portal.Domain.Requirements;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Evidence;
using Portal.Features.Installations.Workspace;
using Portal.Features.Operators;
using Portal.Tests.Applications;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;
using Portal.Tests.Installations;
using static Portal.Tests.Installations.InstallationCaseTestData;

namespace Portal.Tests.Operators;

/// <summary>The CPO's home over the real app: its own running installation cases, overdue first, and what is due on its own contracts.</summary>
public sealed class CpoWorkspaceTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly RequirementKey Certificate = new("elaad-2025", "SC-6");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private Task<CpoInstallations> CasesOfAsync(string email) =>
        app.CallAsync(email, (CpoInstallationQueries q, ClaimsPrincipal u) => q.RunningAsync(u));

    private Task<IReadOnlyList<OperatorContractDue>> ContractsOfAsync(string email) =>
        app.CallAsync(email, (OperatorContractsDue q, ClaimsPrincipal u) => q.ForAsync(u));

    /// <summary>Three cases of the demo operator (late by 20 days, late by 5 days and not accepted, due in 10 days) and one of another operator, late.</summary>
    private async Task<(string Late20, string Late5, string Due10, string Others)> CasesAsync(string street, double offset)
    {
        await ContractTestSetup.OutsidersAsync(app);
        var demo = await ContractTestSetup.DemoOperatorAsync(app);
        var other = await OfficerTestData.ReadAsync(app, db => db.Operators.Where(o => o.Name == "Andere Laadoperator").Select(o => o.Id).SingleAsync());
        var late5 = await app.OpenedCaseAsync($"{street} 1", offset, demo);
        var due10 = await app.OpenedCaseAsync($"{street} 2", offset + 0.0001, demo);
        var late20 = await app.OpenedCaseAsync($"{street} 3", offset + 0.0002, demo);
        var others = await app.OpenedCaseAsync($"{street} 4", offset + 0.0003, other);
        Assert.Null((await app.InstallationsAs(DemoAccounts.Officer, (s, u) => s.PlanAsync(u, late5.Id, InstallationStep.NeighboursInformed, Today.AddDays(-5)))).Problem);
        Assert.Null((await app.InstallationsAs(DemoAccounts.Cpo, (s, u) => s.AcceptAsync(u, due10.Id, null))).Problem);
        Assert.Null((await app.InstallationsAs(DemoAccounts.Cpo, (s, u) => s.PlanAsync(u, due10.Id, InstallationStep.NeighboursInformed, Today.AddDays(10)))).Problem);
        Assert.Null((await app.InstallationsAs(DemoAccounts.Cpo, (s, u) => s.AcceptAsync(u, late20.Id, null))).Problem);
        Assert.Null((await app.InstallationsAs(DemoAccounts.Cpo, (s, u) => s.PlanAsync(u, late20.Id, InstallationStep.ChargePointPlaced, Today.AddDays(-20)))).Problem);
        Assert.Null((await app.InstallationsAs(DemoAccounts.Officer, (s, u) => s.PlanAsync(u, others.Id, InstallationStep.NeighboursInformed, Today.AddDays(-30)))).Problem);
        return (late20.Reference, late5.Reference, due10.Reference, others.Reference);
    }

    /// <summary>A concession of Arnhem with the demo operator from 30 days ago, SC-6 (a certificate) attached, signed 31 days ago.</summary>
    private async Task<Guid> SignedContractAsync(string reference)
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var form = new NewContractForm
        {
            Kind = ContractKind.Concession,
            OperatorId = await ContractTestSetup.DemoOperatorAsync(app),
            MunicipalityIds = [arnhem],
            LeadMunicipalityId = arnhem,
            Reference = reference,
            ApplicationsHandledBy = ApplicationsHandledBy.Operator,
            Period = new PeriodForm { StartsOn = Today.AddDays(-30).ToDateTime(TimeOnly.MinValue), EndsOn = Today.AddYears(8).ToDateTime(TimeOnly.MinValue) },
        };
        var created = await app.AsAsync(DemoAccounts.Officer, (s, u) => s.CreateAsync(u, form));
        Assert.Null(created.Problem);
        var id = created.Id!.Value;
        var versionId = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!.Versions.Single().Id;
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.AttachRequirementAsync(u, id, versionId, Certificate))).Problem);
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.SignAsync(u, id, versionId, Today.AddDays(-31), "Wethouder"))).Problem);
        return id;
    }

    [Fact]
    public async Task TheHome_ListsOnlyTheOwnOperatorsRunningCases_OverdueFirst_AndMarksThoseAwaitingAcceptance()
    {
        var (late20, late5, due10, others) = await CasesAsync("Werkplekweg", 0.0401);

        var own = await CasesOfAsync(DemoAccounts.Cpo);

        Assert.DoesNotContain(own.Rows, r => r.Reference == others);
        Assert.Equal([late20, late5, due10], own.Rows.Select(r => r.Reference).Where(r => r == late20 || r == late5 || r == due10));
        // Every overdue case comes before every case that is not.
        Assert.Equal(own.Rows.OrderBy(r => r.Overdue.Count == 0).Select(r => r.Id), own.Rows.Select(r => r.Id));
        var rows = own.Rows.ToDictionary(r => r.Reference);
        Assert.Equal((Today.AddDays(-20), InstallationStep.ChargePointPlaced, false), (rows[late20].DueOn!.Value, rows[late20].Overdue.Single().Step, rows[late20].AwaitsAcceptance));
        Assert.Equal((Today.AddDays(-5), true), (rows[late5].DueOn!.Value, rows[late5].AwaitsAcceptance));
        Assert.Equal((Today.AddDays(10), 0, InstallationStep.LocationProposalChecked), (rows[due10].DueOn!.Value, rows[due10].Overdue.Count, rows[due10].Next!.Value));

        var theirs = await CasesOfAsync(ContractTestSetup.OtherCpo);
        Assert.Contains(theirs.Rows, r => r.Reference == others);
        Assert.DoesNotContain(theirs.Rows, r => r.Reference == late20 || r.Reference == late5 || r.Reference == due10);
        Assert.Empty((await CasesOfAsync(DemoAccounts.Officer)).Rows);
    }

    [Fact]
    public async Task TheHome_ShowsTheOwnContracts_WithEvidenceDue_AndEvidenceAboutToExpire()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var due = await SignedContractAsync("WERKPLEK-BEWIJS");
        var expiring = await SignedContractAsync("WERKPLEK-VERLOOPT");
        await using (var pdf = new MemoryStream("%PDF-1.7\n% test certificate\n"u8.ToArray()))
        {
            var upload = new EvidenceUpload(Certificate, EvidenceKind.Certificate, "OCPP 2.0.1 certificaat", "Open Charge Alliance", "OCPP 2.0.1",
                Today.AddDays(-300), Today.AddDays(40), null, "Alfen Eve", "certificaat.pdf");
            Assert.Null((await app.CallAsync(DemoAccounts.Cpo, (EvidenceService s, ClaimsPrincipal u) => s.UploadAsync(u, expiring, upload, pdf))).Problem);
        }

        var contracts = (await ContractsOfAsync(DemoAccounts.Cpo)).ToDictionary(c => c.Id);

        // No evidence given, due from the version's start 30 days ago.
        var first = contracts[due];
        Assert.Equal([("elaad-2025", "SC-6", RequirementStateKind.EvidenceDue)], first.EvidenceDue.Select(d => (d.SetId, d.Code, d.Kind)));
        Assert.Empty(first.Expiring);
        // The certificate awaits review (so nothing is due) and expires in 40 days: within the 60-day horizon.
        var second = contracts[expiring];
        Assert.Empty(second.EvidenceDue);
        Assert.Equal([("SC-6", Today.AddDays(40))], second.Expiring.Select(e => (e.Code, e.ExpiresOn)));
        Assert.False(second.NothingDue);

        Assert.DoesNotContain(await ContractsOfAsync(ContractTestSetup.OtherCpo), c => c.Id == due || c.Id == expiring);
        Assert.Empty(await ContractsOfAsync(DemoAccounts.Officer));
    }

    [Fact]
    public async Task ThePage_ShowsTheCasesInOrder_LinkedToTheirCasePages_AndTheContracts_BeforeTheLocations()
    {
        var (late20, late5, due10, others) = await CasesAsync("Paginaweg", 0.0411);
        var contract = await SignedContractAsync("WERKPLEK-PAGINA");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Cpo);
        context.RenderProviders();

        var page = context.Render<OperatorPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=cpo-contract]")), Wait);
        var links = page.FindAll("[data-testid=cpo-case]");
        Assert.Equal([late20, late5, due10], links.Select(l => l.TextContent.Trim()).Where(r => r == late20 || r == late5 || r == due10));
        Assert.DoesNotContain(links, l => l.TextContent.Trim() == others);
        var first = links.Single(l => l.TextContent.Trim() == late20);
        Assert.Equal($"/beheer/installaties/{first.GetAttribute("data-case")}", first.GetAttribute("href"));
        Assert.NotEmpty(page.FindAll("[data-testid=cpo-case-overdue]"));
        Assert.NotEmpty(page.FindAll("[data-testid=cpo-case-accept]"));
        var card = page.Find($"[data-contract='{contract}']");
        Assert.Contains("Bewijs voor elaad-2025 SC-6 is nodig sinds", card.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/beheer/contracten/{contract}", card.QuerySelector("a")!.GetAttribute("href"));
        var headings = page.FindAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.True(headings.IndexOf("Installaties") < headings.IndexOf("Contracten") && headings.IndexOf("Contracten") < headings.IndexOf("Laadlocaties en actuele status"),
            string.Join(" | ", headings));
    }
}
