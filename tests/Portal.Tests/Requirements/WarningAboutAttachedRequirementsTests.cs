using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Requirements;
using Portal.Integration.Requirements;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Contracts.ContractTestSetup;

namespace Portal.Tests.Requirements;

/// <summary>
/// The preview counts the contracts that use each requirement a newer file drops: POR-48 and POR-1 are attached to two
/// real contracts here, and the newer file drops POR-48 only.
/// </summary>
public sealed class WarningAboutAttachedRequirementsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly RequirementKey Por48 = new("scr-por-2016", "POR-48");
    private static readonly RequirementKey Por1 = new("scr-por-2016", "POR-1");

    [Fact]
    public async Task ThePreview_NamesTheDroppedRequirementsThatContractsUse()
    {
        foreach (var reference in new[] { "EISEN-1", "EISEN-2" })
        {
            var id = await RegionalConcessionAsync(app, reference);
            var version = (await app.AsAsync(DemoAccounts.Officer, (s, u) => s.FindAsync(u, id)))!.Versions.Single();
            foreach (var key in new[] { Por48, Por1 })
                Assert.Null((await app.AsAsync(DemoAccounts.Officer, (s, u) => s.AttachRequirementAsync(u, id, version.Id, key))).Problem);
        }

        var preview = await app.InScopeAsync(s => s.GetRequiredService<RequirementCatalogueLoading>().PreviewAsync(CatalogueFiles.Newer()));

        // POR-1 is attached too, but the newer file keeps it: only what is dropped counts.
        Assert.Equal(new Dictionary<RequirementKey, int> { [Por48] = 2 }, preview.AttachedAndRemoved);
    }
}
