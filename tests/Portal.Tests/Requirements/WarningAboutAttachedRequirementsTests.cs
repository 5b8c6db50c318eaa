using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Requirements;
using Portal.Integration.Requirements;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Requirements;

/// <summary>
/// The preview asks <see cref="IRequirementAttachments"/> how many contracts use each requirement a newer file drops.
/// Contracts are not built yet, so this class plays their part: POR-48 is attached to two contracts.
/// </summary>
public sealed class WarningAboutAttachedRequirementsTests(WarningAboutAttachedRequirementsTests.App app)
    : IClassFixture<WarningAboutAttachedRequirementsTests.App>
{
    public sealed class App : PortalAppFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddScoped<IRequirementAttachments, TwoContractsUsePor48>();
    }

    private sealed class TwoContractsUsePor48 : IRequirementAttachments
    {
        public Task<IReadOnlyDictionary<RequirementKey, int>> CountAttachedAsync(IReadOnlyCollection<RequirementKey> keys, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<RequirementKey, int>>(keys
                .Where(k => k == new RequirementKey("scr-por-2016", "POR-48") || k == new RequirementKey("scr-por-2016", "POR-1"))
                .ToDictionary(k => k, _ => 2));
    }

    [Fact]
    public async Task ThePreview_NamesTheDroppedRequirementsThatContractsUse()
    {
        var preview = await app.InScopeAsync(s => s.GetRequiredService<RequirementCatalogueLoading>().PreviewAsync(CatalogueFiles.Newer()));

        // POR-1 is attached too, but the newer file keeps it: only what is dropped counts.
        Assert.Equal(new Dictionary<RequirementKey, int> { [new RequirementKey("scr-por-2016", "POR-48")] = 2 }, preview.AttachedAndRemoved);
    }
}
