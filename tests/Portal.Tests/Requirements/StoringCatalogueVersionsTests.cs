using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Requirements;
using Portal.Integration.Requirements;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Requirements;

/// <summary>Catalogue versions in the real database (SQLite, or PostgreSQL under the test script), through the portal's own services.</summary>
public sealed class StoringCatalogueVersionsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private IRequirementCatalogue Catalogue => app.App.Services.GetRequiredService<IRequirementCatalogue>();

    private Task<CataloguePreview> PreviewAsync(string json) =>
        app.InScopeAsync(s => s.GetRequiredService<RequirementCatalogueLoading>().PreviewAsync(json));

    private Task<RequirementCatalogueVersion> LoadAsync(string json, int basedOn) =>
        app.InScopeAsync(s => s.GetRequiredService<RequirementCatalogueLoading>().LoadAsync(json, "catalogus-2.json", basedOn, "admin-id", "Beheerder Test"));

    [Fact]
    public async Task TheShippedCatalogue_IsVersionOne_PreviewedAgainst_AndANewerFileBecomesVersionTwo()
    {
        // The first question stores the shipped file as version 1, whole and with its counts.
        var shipped = await Catalogue.CurrentAsync();
        Assert.Equal(71, shipped.Requirements.Count());
        var first = await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.AsNoTracking().SingleAsync());
        Assert.Equal((1, 1, 2, 71, 7, 16, 27, 21), (first.Number, first.SchemaVersion, first.SetCount, first.RequirementCount,
            first.OcpiDataCount, first.CertificateCount, first.FieldAuditCount, first.DeclarationCount));
        Assert.True(first.IsShipped);
        Assert.Equal(RequirementCatalogueJson.SeedText(), first.Json);
        Assert.Equal(RequirementCatalogueVersion.HashOf(first.Json), first.Sha256);
        Assert.Equal(64, first.Sha256.Length);

        var newer = CatalogueFiles.Newer();
        var preview = await PreviewAsync(newer);

        Assert.Equal(1, preview.BasedOnNumber);
        Assert.False(preview.SameAsCurrent);
        Assert.Equal(["elaad-2025/G-99"], preview.Difference.AddedRequirements.Select(r => r.Key.ToString()));
        Assert.Equal(["scr-por-2016/POR-48"], preview.Difference.RemovedRequirements.Select(r => r.Key.ToString()));
        var change = Assert.Single(preview.Difference.ChangedRequirements);
        Assert.Equal((new RequirementKey("elaad-2025", "SC-5"), RequirementField.Thresholds), (change.Key, Assert.Single(change.Fields)));
        Assert.Empty(preview.AttachedAndRemoved);
        // Nothing is stored by a preview.
        Assert.Equal(1, await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.CountAsync()));

        var second = await LoadAsync(newer, basedOn: 1);

        Assert.Equal((2, "catalogus-2.json", "admin-id", "Beheerder Test", 71, 8, 16, 27, 20),
            (second.Number, second.FileName, second.LoadedByUserId, second.LoadedByName, second.RequirementCount,
             second.OcpiDataCount, second.CertificateCount, second.FieldAuditCount, second.DeclarationCount));
        var current = await Catalogue.CurrentAsync();
        Assert.NotNull(current.Find(new RequirementKey("elaad-2025", "G-99")));
        Assert.Null(current.Find(new RequirementKey("scr-por-2016", "POR-48")));
        Assert.Equal(97m, current.Find(new RequirementKey("elaad-2025", "SC-5"))!.Thresholds[0].Limits["min_percent"]);

        // The same file again is no new version; a confirmation against version 1 is out of date now.
        Assert.True((await PreviewAsync(newer)).SameAsCurrent);
        await Assert.ThrowsAsync<CatalogueUnchanged>(() => LoadAsync(newer, basedOn: 2));
        var stale = await Assert.ThrowsAsync<CatalogueChangedMeanwhile>(() => LoadAsync(RequirementCatalogueJson.SeedText(), basedOn: 1));
        Assert.Contains("version 2 is in force", stale.Message, StringComparison.Ordinal);

        // Going back to the shipped file is a new version (3), not a rewrite of history.
        var third = await LoadAsync(RequirementCatalogueJson.SeedText(), basedOn: 2);
        Assert.Equal(3, third.Number);
        Assert.Equal(71, (await Catalogue.CurrentAsync()).Requirements.Count());
        Assert.NotNull((await Catalogue.CurrentAsync()).Find(new RequirementKey("scr-por-2016", "POR-48")));
        Assert.Equal([1, 2, 3], await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.OrderBy(v => v.Number).Select(v => v.Number).ToListAsync()));
    }

    [Fact]
    public async Task AnInvalidFile_IsRefused_AndNothingIsStored()
    {
        await Catalogue.CurrentAsync();
        var before = await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.CountAsync());
        var (number, _) = await app.App.Services.GetRequiredService<StoredRequirementCatalogue>().CurrentVersionAsync();
        var invalid = CatalogueFiles.Newer().Replace("\"section\":\"generic\"", "\"section\":\"software\"", StringComparison.Ordinal);

        var rejected = await Assert.ThrowsAsync<RequirementCatalogueRejected>(() => LoadAsync(invalid, basedOn: number));

        Assert.All(rejected.Problems, p => Assert.Equal((CatalogueProblemKind.NotInVocabulary, "section", "software"), (p.Kind, p.Field, p.Value)));
        Assert.Contains(rejected.Problems, p => p is { SetId: "elaad-2025", Code: "G-99" });
        Assert.Equal(before, await app.QueryCatalogueAsync(db => db.RequirementCatalogueVersions.CountAsync()));
    }
}
