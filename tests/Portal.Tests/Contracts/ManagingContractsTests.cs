using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Contracts;
using Portal.Domain.Requirements;
using Portal.Features.Contracts;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Contracts.ContractTestSetup;

namespace Portal.Tests.Contracts;

/// <summary>The contract services over the real portal and its database: what is stored, and who may see and change what.</summary>
public sealed class ManagingContractsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly RequirementKey Connectivity = new("elaad-2025", "SC-5");

    [Fact]
    public async Task AContract_IsStoredWithItsVersionTermsRequirementsCoverageAndHistory()
    {
        var id = await RegionalConcessionAsync(app, "OPSLAG-1");
        var contract = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        var version = contract.Versions.Single();
        var terms = new ContractTerms
        {
            AvailabilityPercentPerYear = 97.5m,
            MaxRepairHours = 48,
            TariffCaps = new TariffCaps { MaxPerKwh = 0.45m, MaxIdlePerMinute = 0.10m, IncludeVat = true },
            SmartCharging = new SmartChargingObligation { Required = true, PowerCapKw = 4.1m, WindowStart = new TimeOnly(16, 0), WindowEnd = new TimeOnly(21, 0) },
        };

        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.ChangeTermsAsync(u, id, version.Id, terms))).Problem);
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.AddPenaltyAsync(u, id, version.Id, ContractTerm.Availability, 250m, "€ 250 per procentpunt onder de norm"))).Problem);
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.AttachRequirementAsync(u, id, version.Id, Connectivity))).Problem);
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.TightenThresholdAsync(u, id, version.Id, Connectivity, "backend_connectivity", "min_percent", 99))).Problem);
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.AddCoverageRuleAsync(u, id, CoverageRuleKind.Addition, "EXTRA-LOC", "EXTRA-1"))).Problem);
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.SetEvseRecordAsync(u, id, "EXTRA-LOC", "EXTRA-1", Today.AddDays(-10), null, "uitgang-1"))).Problem);

        var stored = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        var storedVersion = stored.Versions.Single();
        Assert.Equal(terms, storedVersion.Terms);
        Assert.Equal((ContractTerm.Availability, 250m), (storedVersion.Penalties.Single().Term, storedVersion.Penalties.Single().AmountEuro));
        var threshold = storedVersion.Requirements.Single().Thresholds.Single();
        Assert.Equal((98m, 99m), (threshold.CatalogueValue, threshold.Value));
        Assert.Equal(VerificationKind.OcpiData, storedVersion.Requirements.Single().Verification);
        Assert.Equal(new EvseRef("EXTRA-LOC", "EXTRA-1"), stored.CoverageRules.Single().Target);
        Assert.Equal("uitgang-1", stored.EvseRecords.Single().SimultaneityGroup);
        Assert.Equal(
            [ContractChangeKind.Created, ContractChangeKind.TermsChanged, ContractChangeKind.TermsChanged, ContractChangeKind.RequirementAttached,
             ContractChangeKind.ThresholdTightened, ContractChangeKind.CoverageRuleAdded, ContractChangeKind.EvseRecordChanged],
            stored.History.OrderBy(h => h.Id).Select(h => h.Kind));
        var officer = await app.PrincipalOfAsync(DemoAccounts.Officer);
        var officerId = officer.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        Assert.All(stored.History, h => Assert.Equal(officerId, h.ByUserId));
    }

    [Fact]
    public async Task ALoosenedThreshold_IsRefusedInTheReadersLanguage_AndNothingIsSaved()
    {
        var id = await RegionalConcessionAsync(app, "LOS-1");
        var version = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!.Versions.Single();
        await app.AsAsync(DemoAccounts.Officer, (s, u) => s.AttachRequirementAsync(u, id, version.Id, Connectivity));

        var step = await app.AsAsync(DemoAccounts.Officer, (s, u) => s.TightenThresholdAsync(u, id, version.Id, Connectivity, "backend_connectivity", "min_percent", 95));

        Assert.Equal("backend_connectivity min_percent mag alleen worden aangescherpt: de catalogus vraagt minimaal 98.", step.Problem);
        var stored = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal(98m, stored.Versions.Single().Requirements.Single().Thresholds.Single().Value);
        Assert.DoesNotContain(stored.History, h => h.Kind == ContractChangeKind.ThresholdTightened);
    }

    [Fact]
    public async Task ASignedVersion_IsFrozen_AndAnAmendmentGovernsFromItsStart()
    {
        var id = await RegionalConcessionAsync(app, "WIJZIG-1");
        var first = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!.Versions.Single();
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.SignAsync(u, id, first.Id, Today.AddDays(-31), "J. Jansen, wethouder"))).Problem);

        var frozen = await app.AsAsync(DemoAccounts.Officer, (s, u) => s.ChangeTermsAsync(u, id, first.Id, new ContractTerms { AvailabilityPercentPerYear = 99 }));
        Assert.Equal("Versie 1 is ondertekend en verandert niet meer; stel een wijziging op.", frozen.Problem);
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.AmendAsync(u, id, Today.AddDays(1)))).Problem);
        var contract = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        var amendment = contract.Versions.Single(v => v.Number == 2);
        Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.SignAsync(u, id, amendment.Id, Today, "J. Jansen, wethouder"))).Problem);

        contract = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal(1, contract.VersionInForceOn(Today)!.Number);
        Assert.Equal(2, contract.VersionInForceOn(Today.AddDays(1))!.Number);
        Assert.Equal(95m, contract.Versions.Single(v => v.Number == 1).Terms.AvailabilityPercentPerYear);
    }

    [Fact]
    public async Task TheCoverage_IsTheOperatorsEvsesInTheMunicipalities_LessTheExclusions()
    {
        var id = await RegionalConcessionAsync(app, "DEKKING-1");
        var view = (await app.QueryAsAsync(DemoAccounts.Officer, (q, u) => q.ViewAsync(u, id)))!;
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var operatorId = await DemoOperatorAsync(app);
            var arnhem = await Applications.OfficerTestData.ArnhemAsync(app);
            var expected = await db.ChargeLocations.Where(l => l.OperatorId == operatorId && l.MunicipalityId == arnhem)
                .SelectMany(l => l.Evses).CountAsync(e => e.Status != Domain.ChargePoints.EvseStatus.Removed);
            Assert.True(expected > 0, "The demo operator runs EVSEs in Arnhem.");
            Assert.Equal(expected, view.Coverage.FromMunicipalities);
            Assert.Equal(expected, view.Coverage.Covered.Count);
        }
        var excluded = view.Coverage.Covered[0];

        await app.AsAsync(DemoAccounts.Officer, (s, u) => s.AddCoverageRuleAsync(u, id, CoverageRuleKind.Exclusion, excluded.LocationId, null));

        var after = (await app.QueryAsAsync(DemoAccounts.Officer, (q, u) => q.ViewAsync(u, id)))!;
        var atLocation = view.Coverage.Covered.Count(e => e.LocationId == excluded.LocationId);
        Assert.Equal(view.Coverage.Covered.Count - atLocation, after.Coverage.Covered.Count);
        Assert.DoesNotContain(after.Coverage.Covered, e => e.LocationId == excluded.LocationId);
    }

    [Fact]
    public async Task OnlyTheLeadMunicipalitysOfficers_Change_AndOutsidersSeeNothing()
    {
        await OutsidersAsync(app);
        var id = await RegionalConcessionAsync(app, "TOEGANG-1");
        var versionId = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!.Versions.Single().Id;

        // Renkum is a member: its officer reads the contract but may not sign it.
        Assert.NotNull(await app.AsAsync(RenkumOfficer, (s, u) => s.FindAsync(u, id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.AsAsync(RenkumOfficer, (s, u) => s.SignAsync(u, id, versionId, Today, "R. Renkum")));
        // The demo CPO user is of the contract's operator: reads, never changes.
        Assert.NotNull(await app.AsAsync(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.AsAsync(DemoAccounts.Cpo, (s, u) => s.AttachRequirementAsync(u, id, versionId, Connectivity)));
        // Administrators read everything and change nothing.
        Assert.NotNull(await app.AsAsync(DemoAccounts.Admin, (s, u) => s.FindAsync(u, id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.AsAsync(DemoAccounts.Admin, (s, u) => s.SignAsync(u, id, versionId, Today, "A. Admin")));
        // Ede is no member and the other operator no party: nothing of it, not in the list either.
        foreach (var outsider in new[] { EdeOfficer, OtherCpo })
        {
            Assert.Null(await app.AsAsync(outsider, (s, u) => s.FindAsync(u, id)));
            Assert.Null(await app.QueryAsAsync(outsider, (q, u) => q.ViewAsync(u, id)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.AsAsync(outsider, (s, u) => s.AddCoverageRuleAsync(u, id, CoverageRuleKind.Exclusion, "X", null)));
            var list = await app.QueryAsAsync(outsider, (q, u) => q.ListAsync(u, GridQuery.Default with { PageSize = 100 }, new ContractFilter(null, null, null, null)));
            Assert.DoesNotContain(list.Items, r => r.Id == id);
        }
        // An officer cannot make another municipality the lead of a new contract.
        var form = new NewContractForm
        {
            OperatorId = await DemoOperatorAsync(app), MunicipalityIds = [await EdeAsync(app)], LeadMunicipalityId = await Applications.OfficerTestData.ArnhemAsync(app),
            Reference = "X", Period = new PeriodForm { StartsOn = DateTime.Today, EndsOn = DateTime.Today.AddYears(1) },
        };
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.AsAsync(EdeOfficer, (s, u) => s.CreateAsync(u, form)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.AsAsync(OtherCpo, (s, u) => s.CreateAsync(u, form)));
        var stored = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal([ContractChangeKind.Created], stored.History.Select(h => h.Kind));
    }

    [Fact]
    public async Task TheList_FiltersOnKindOperatorMunicipalityAndStatus()
    {
        await OutsidersAsync(app);
        var draft = await RegionalConcessionAsync(app, "LIJST-CONCEPT");
        var signed = await RegionalConcessionAsync(app, "LIJST-GETEKEND");
        var signedVersion = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, signed)))!.Versions.Single().Id;
        await app.AsAsync(DemoAccounts.Officer, (s, u) => s.SignAsync(u, signed, signedVersion, Today, "J. Jansen"));
        var renkum = await RenkumAsync(app);
        var all = GridQuery.Default with { PageSize = 100, Search = "LIJST-" };

        async Task<IReadOnlyList<string>> References(string email, ContractFilter filter) =>
            (await app.QueryAsAsync(email, (q, u) => q.ListAsync(u, all, filter))).Items.Select(r => r.Reference).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["LIJST-CONCEPT", "LIJST-GETEKEND"], await References(DemoAccounts.Officer, new ContractFilter(null, null, null, null)));
        Assert.Equal(["LIJST-GETEKEND"], await References(DemoAccounts.Officer, new ContractFilter(null, null, null, ContractStatus.InForce)));
        Assert.Equal(["LIJST-CONCEPT"], await References(DemoAccounts.Officer, new ContractFilter(ContractKind.Concession, null, renkum, ContractStatus.Draft)));
        Assert.Empty(await References(DemoAccounts.Officer, new ContractFilter(ContractKind.Licence, null, null, null)));
        Assert.Equal(["LIJST-CONCEPT", "LIJST-GETEKEND"], await References(RenkumOfficer, new ContractFilter(null, await DemoOperatorAsync(app), null, null)));
        Assert.Equal(["LIJST-CONCEPT", "LIJST-GETEKEND"], await References(DemoAccounts.Cpo, new ContractFilter(null, null, null, null)));
        Assert.Empty(await References(EdeOfficer, new ContractFilter(null, null, null, null)));
        Assert.Empty(await References(OtherCpo, new ContractFilter(null, null, null, null)));
        Assert.NotEqual(draft, signed);
    }
}
