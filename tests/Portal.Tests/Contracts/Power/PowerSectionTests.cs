using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contracts;
using Portal.Domain.Requirements;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Power;
using Portal.Tests.Admin;
using Portal.Tests.Contracts.Evidence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts.Power;

/// <summary>The maximum power per covered EVSE in bUnit over the real portal: the officer records a grid connection and the lowest source applies.</summary>
public sealed class PowerSectionTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    private static readonly RequirementKey MaxPowerRequirement = new("scr-por-2016", "POR-5");

    /// <summary>The section's fields take their value on change, as when the field is left.</summary>
    private static Task EnterAsync<T>(IRenderedComponent<T> section, string selector, string value) where T : IComponent =>
        section.InvokeAsync(() => section.Find(selector).ChangeAsync(new ChangeEventArgs { Value = value }));

    [Fact]
    public async Task TheOfficerRecordsAGridConnection_AndTheLowestSourceApplies_WithItsName()
    {
        // An operator of its own, so the contract covers only the EVSE added here (no feed has shown it: no charge point value).
        var operatorId = await app.RegisterOperatorAsync("Stroomlijn Laden");
        var today = Domain.Common.DutchCalendar.Day(app.Clock.GetUtcNow().UtcDateTime);
        var arnhem = await Applications.OfficerTestData.ArnhemAsync(app);
        var created = await app.Contract<ContractStep>((s, u) => s.CreateAsync(u, new NewContractForm
        {
            Kind = ContractKind.Licence,
            OperatorId = operatorId,
            MunicipalityIds = [arnhem],
            LeadMunicipalityId = arnhem,
            Reference = "VERMOGEN-1",
            ApplicationsHandledBy = ApplicationsHandledBy.Municipality,
            Period = new PeriodForm { StartsOn = today.AddDays(-10).ToDateTime(TimeOnly.MinValue), EndsOn = today.AddYears(5).ToDateTime(TimeOnly.MinValue) },
        }));
        Assert.Null(created.Problem);
        var id = created.Id!.Value;
        var version = (await app.Contract((s, u) => s.FindAsync(u, id)))!.Versions.Single();
        // The contract allows 22 kW per charge point; POR-5 (13.8 kW) is attached and tightened to 12 kW.
        Assert.Null((await app.Contract((s, u) => s.ChangeTermsAsync(u, id, version.Id, version.Terms with { MaxPowerPerChargePointKw = 22m }))).Problem);
        Assert.Null((await app.Contract((s, u) => s.AttachRequirementAsync(u, id, version.Id, MaxPowerRequirement))).Problem);
        Assert.Null((await app.Contract((s, u) => s.TightenThresholdAsync(u, id, version.Id, MaxPowerRequirement, "max_power_per_charge_point", "max_kw", 12m))).Problem);
        Assert.Null((await app.Contract((s, u) => s.AddCoverageRuleAsync(u, id, CoverageRuleKind.Addition, "PWR-LOC", "1"))).Problem);

        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var section = context.Render<ContractPowerSection>(p => p.Add(x => x.ContractId, id));
        section.WaitForElement("[data-testid=evse-power]", AdminSteps.Wait);
        // 22 (contract) and 12 (requirement): 12 kW applies, set by the requirement.
        var applied = section.Find("[data-testid=power-applied-PWR-LOC-1]").TextContent;
        Assert.Contains("12 kW", applied, StringComparison.Ordinal);
        Assert.Contains("gesteld door: Eis", applied, StringComparison.Ordinal);
        Assert.Equal("Er is nog geen capaciteit van een netaansluiting vastgelegd.", section.Find("[data-testid=no-grid-connections]").TextContent.Trim());

        // An impossible capacity is refused with what was typed kept.
        await EnterAsync(section, "#grid-location", "PWR-LOC");
        await EnterAsync(section, "#grid-capacity", "20000");
        await section.InvokeAsync(() => section.Find("#save-grid-connection").ClickAsync(new()));
        section.WaitForAssertion(() => Assert.StartsWith("De capaciteit van een netaansluiting is meer dan 0 en hoogstens 10", section.Find("[data-testid=power-problem]").TextContent.Trim(), StringComparison.Ordinal),
            AdminSteps.Wait);
        Assert.Equal("PWR-LOC", section.Find("#grid-location").GetAttribute("value"));

        // The location's grid connection of 11 kW is lower: it applies, named as the grid connection.
        await EnterAsync(section, "#grid-capacity", "11");
        await section.InvokeAsync(() => section.Find("#save-grid-connection").ClickAsync(new()));
        section.WaitForAssertion(() => Assert.Contains("gesteld door: Netaansluiting", section.Find("[data-testid=power-applied-PWR-LOC-1]").TextContent, StringComparison.Ordinal),
            AdminSteps.Wait);
        Assert.Contains("11 kW", section.Find("[data-testid=power-applied-PWR-LOC-1]").TextContent, StringComparison.Ordinal);
        Assert.Contains("hele locatie", section.Find("[data-testid=grid-connections]").TextContent, StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.Set<ContractChange>().AnyAsync(h => h.ContractId == id && h.Kind == ContractChangeKind.GridConnectionChanged)));
    }

    [Fact]
    public async Task TheChargePointsOwnMaximum_IsItsStrongestConnector_InKilowatts()
    {
        // The demo operator's first covered EVSE in Arnhem: its value from the register, W to kW, is the charge point's.
        var (id, _) = await app.SignedContractAsync("VERMOGEN-2");
        var view = (await app.CallAsync(DemoAccounts.Cpo, (ContractPower p, System.Security.Claims.ClaimsPrincipal u) => p.ForAsync(u, id)))!;
        var known = await app.QueryAsync(db => (
            from location in db.ChargeLocations
            from evse in location.Evses
            where evse.MaxPowerWatts != null
            select new { LocationId = location.OcpiLocationId ?? location.SourceId, evse.Uid, evse.MaxPowerWatts }).ToListAsync());
        var row = view.Evses.First(r => known.Any(k => k.LocationId == r.Evse.LocationId && k.Uid == r.Evse.EvseUid));
        var watts = known.Where(k => k.LocationId == row.Evse.LocationId && k.Uid == row.Evse.EvseUid).Max(k => k.MaxPowerWatts)!.Value;

        Assert.Equal(watts / 1000m, row.Of(PowerLimitSource.ChargePoint));
        Assert.Equal(new AppliedMaximumPower(watts / 1000m, [PowerLimitSource.ChargePoint]).Kw, row.Applied!.Kw);
        Assert.False(view.CanEdit);
    }
}
