using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.Findings;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Evidence;
using Portal.Features.Demo;
using Portal.Features.Findings;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>The demo's regional concession over the real portal: what an officer and the demo CPO see of it, its file, and a second seeding that adds nothing.</summary>
public sealed class SeedingTheDemoContractTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private Task<Guid> ContractIdAsync() =>
        QueryAsync(db => db.Contracts.Where(c => c.Reference == DemoContract.Reference).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task TheOfficer_SeesASignedRegionalConcession_WithCapsRequirementsAndEveryStateOfEvidence()
    {
        var id = await ContractIdAsync();

        var view = await app.CallAsync<ContractQueries, ContractView?>(DemoAccounts.Officer, (q, u) => q.ViewAsync(u, id));

        Assert.NotNull(view);
        var contract = view.Contract;
        Assert.True(view.CanEdit);
        Assert.Equal((ContractKind.Concession, DemoContract.LotName, "Vattenfall InCharge"), (contract.Kind, contract.LotName, view.OperatorName));
        Assert.Equal(["Arnhem", "Duiven"], contract.MunicipalityIds.Select(m => view.MunicipalityNames[m]).Order(StringComparer.Ordinal));
        Assert.Equal("Arnhem", view.MunicipalityNames[contract.LeadMunicipalityId]);
        Assert.Equal(ContractStatus.InForce, contract.StatusOn(view.Today));
        var version = Assert.Single(contract.Versions);
        Assert.True(version.IsSigned);
        Assert.Equal(DemoContract.Caps, version.Terms.TariffCaps);
        Assert.True(version.Terms.SmartCharging.Required);
        // The eight requirements of ElaadNL's smart-charging section and the four attached one by one.
        Assert.Equal(12, version.Requirements.Count);
        Assert.Equal(8, version.Requirements.Count(r => r.SetId == DemoContract.SmartChargingSet && r.Section == DemoContract.SmartChargingSection));

        var states = (await app.CallAsync<ContractQueries, IReadOnlyList<RequirementStateRow>>(DemoAccounts.Officer, (q, _) => q.RequirementStatesAsync(view, version)))
            .ToDictionary(r => r.Attached.Code, r => r.State.Kind);
        // SC-9 accepted and valid; SC-6 accepted and valid for 45 more days; SC-8 accepted but expired 12 days ago;
        // SC-7 waits for a decision; SC-11's only evidence was rejected; G-2 (a certificate) has none since the start.
        Assert.Equal(RequirementStateKind.Met, states["SC-9"]);
        Assert.Equal(RequirementStateKind.Met, states["SC-6"]);
        Assert.Equal(RequirementStateKind.EvidenceExpired, states["SC-8"]);
        Assert.Equal(RequirementStateKind.Unknown, states["SC-7"]);
        Assert.Equal(RequirementStateKind.NotMet, states["SC-11"]);
        Assert.Equal(RequirementStateKind.EvidenceDue, states["G-2"]);

        var overview = await app.CallAsync<EvidenceQueries, EvidenceOverview?>(DemoAccounts.Officer, (q, u) => q.OverviewAsync(u, id));
        Assert.NotNull(overview);
        Assert.Equal([EvidenceDecision.Pending, EvidenceDecision.Accepted, EvidenceDecision.Accepted, EvidenceDecision.Accepted, EvidenceDecision.Rejected],
            overview.Evidence.Select(e => e.Decision).Order());
        var expiring = Assert.Single(overview.Evidence, e => e.Decision == EvidenceDecision.Accepted && e.ExpiresOn > overview.Today && e.ExpiresOn <= overview.Today.AddDays(60));
        Assert.Equal("SC-6", expiring.Code);
        // The expired evidence, the failed item of the demo's field check (DemoFieldCheck), a late month of status events
        // (DemoFindings) and the failed smart-charging test (DemoSmartCharging).
        Assert.Single(overview.Findings, f => f.Kind == ContractFindingKind.FieldCheckFailed);
        Assert.Single(overview.Findings, f => f.Kind == ContractFindingKind.TimelinessBelowMinimum);
        Assert.Single(overview.Findings, f => f.Kind == ContractFindingKind.SmartChargingTestFailed);
        var finding = Assert.Single(overview.Findings, f => f.Kind == ContractFindingKind.EvidenceExpired);
        var expired = Assert.Single(overview.Evidence, e => e.Code == "SC-8");
        Assert.Equal((ContractFindingKind.EvidenceExpired, (Guid?)expired.Id, expired.ExpiresOn), (finding.Kind, finding.EvidenceId, finding.ExpiredOn));
        Assert.NotNull(expired.ExpiryRecordedOn);
    }

    [Fact]
    public async Task TheDemoCpo_ReadsItAndUploads_AndDownloadsItsEvidenceFile()
    {
        var id = await ContractIdAsync();

        var overview = await app.CallAsync<EvidenceQueries, EvidenceOverview?>(DemoAccounts.Cpo, (q, u) => q.OverviewAsync(u, id));
        var view = await app.CallAsync<ContractQueries, ContractView?>(DemoAccounts.Cpo, (q, u) => q.ViewAsync(u, id));

        Assert.NotNull(overview);
        Assert.NotNull(view);
        Assert.True(overview.CanUpload);
        Assert.False(overview.CanDecide);
        Assert.False(view.CanEdit);
        var evidence = overview.Evidence.First(e => e.Code == "SC-9");
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        using var response = await cpo.Http.GetAsync(new Uri($"/beheer/contracten/{id}/bewijs/{evidence.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoFindings_ShowOneAnsweredAndOneOverdue()
    {
        var id = await ContractIdAsync();

        var rows = await app.CallAsync<FindingService, IReadOnlyList<FindingRow>>(DemoAccounts.Officer, (s, u) => s.ListAsync(u, new FindingFilter(ContractId: id)));

        var answered = Assert.Single(rows, r => r.Finding.Kind == ContractFindingKind.EvidenceExpired);
        Assert.Equal((FindingState.Answered, DemoFindings.Answer), (answered.State, answered.Response!.Answer));
        var overdue = Assert.Single(rows, r => r.Finding.Kind == ContractFindingKind.TimelinessBelowMinimum);
        Assert.Equal((FindingState.Overdue, true), (overdue.State, overdue.Overdue));
    }

    [Fact]
    public async Task SeedingAgain_AddsNothing()
    {
        var before = await CountsAsync();

        await using (var scope = app.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();

        Assert.Equal(before, await CountsAsync());
        Assert.Equal((1, 5, 4, 1), before);   // expired evidence, field check, late status events, smart-charging test
    }

    private Task<(int Contracts, int Evidence, int Findings, int Duivens)> CountsAsync() => QueryAsync(async db =>
    {
        var id = await db.Contracts.Where(c => c.Reference == DemoContract.Reference).Select(c => c.Id).SingleAsync();
        var renkum = Domain.Municipalities.MunicipalityCode.Parse(DemoContract.SecondMunicipalityCode);
        return (await db.Contracts.CountAsync(c => c.Reference == DemoContract.Reference),
            await db.Set<SubmittedEvidence>().CountAsync(e => e.ContractId == id),
            await db.Set<ContractFinding>().CountAsync(f => f.ContractId == id),
            await db.Municipalities.CountAsync(m => m.Code == renkum));
    });
}
