using System.Security.Claims;
using Portal.Features.Usage;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>The demo's three months of CDRs: the usage report is not empty for the demo officer and the demo CPO.</summary>
public sealed class SeedingDemoUsageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task TheLastFullMonth_HasChargesOnTheDemoOperatorsPoints_ForTheOfficerAndTheCpo()
    {
        var officer = await app.CallAsync(DemoAccounts.Officer, (UsageReports r, ClaimsPrincipal u) => r.ReportAsync(u, new UsageQuery(Grouping: UsageGrouping.Operator)));
        var cpo = await app.CallAsync(DemoAccounts.Cpo, (UsageReports r, ClaimsPrincipal u) => r.ReportAsync(u, new UsageQuery(Grouping: UsageGrouping.Operator)));

        Assert.True(officer.Total.Sessions > 0);
        Assert.True(officer.Total.Kwh > 0);
        Assert.True(officer.History[^3].Sessions > 0);
        var own = Assert.Single(cpo.Rows);
        Assert.Equal(cpo.Total.Sessions, own.Figures.Sessions);
        Assert.Contains(officer.Rows, r => r.Figures.Sessions == own.Figures.Sessions && r.Name == own.Name);
    }
}
