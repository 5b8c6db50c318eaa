using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits.FieldChecks;
using Portal.Domain.Contracts.Evidence;
using Portal.Features.Contracts.Evidence;
using Portal.Features.Demo;
using Portal.Features.FieldChecks;
using Portal.Tests.Applications;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.FieldChecks;

public sealed class DrawingAndFillingInFieldChecksTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task DrawingWithATypedSeedTwice_GivesTheSameLocations_AndTheStrataThePreviewShowed()
    {
        var scope = await FieldCheckTestData.ArnhemScopeAsync(app);
        var preview = await Officer((s, u) => s.PreviewAsync(u, scope, 12, 20261207));

        var first = await FieldCheckTestData.LoadAsync(app, await FieldCheckTestData.DrawAsync(app, 20261207, 12));
        var again = await FieldCheckTestData.LoadAsync(app, await FieldCheckTestData.DrawAsync(app, 20261207, 12));
        var other = await FieldCheckTestData.LoadAsync(app, await FieldCheckTestData.DrawAsync(app, 20261208, 12));

        Assert.Null(preview.Problem);
        Assert.Equal(12, first.Locations.Count);
        Assert.Equal(first.Locations.OrderBy(l => l.Position).Select(l => l.LocationKey), again.Locations.OrderBy(l => l.Position).Select(l => l.LocationKey));
        Assert.NotEqual(first.Locations.OrderBy(l => l.Position).Select(l => l.LocationKey), other.Locations.OrderBy(l => l.Position).Select(l => l.LocationKey));
        Assert.Equal(preview.Strata.Select(s => (s.Key.Cpo, s.Key.District, s.Key.PowerClass, s.Size, s.Allocated)).Order(),
            first.Strata.Select(s => (s.Cpo, s.District, s.PowerClass, s.Size, s.Allocated)).Order());
        Assert.Equal(preview.PopulationSize, first.PopulationSize);
        Assert.Equal(12, first.Strata.Sum(s => s.Allocated));
        Assert.All(first.Locations, l => Assert.Contains(l.Items, i => i.Code == "G-4"));

        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (response, page) = await officer.GetPageAsync($"/beheer/veldcontroles/{first.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("20261207", page.QuerySelector("[data-testid=sample-seed]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(12, page.QuerySelectorAll("tr[data-location]").Length);
    }

    [Fact]
    public async Task ASizeAboveThePopulation_TakesEveryLocation_AndASizeOfZeroIsRefused()
    {
        var scope = await FieldCheckTestData.ArnhemScopeAsync(app);

        var all = await Officer((s, u) => s.PreviewAsync(u, scope, StratifiedSampling.MaxSize, 1));
        var none = await Officer((s, u) => s.DrawAsync(u, scope, 0, 1));

        Assert.Equal(Math.Min(all.PopulationSize, StratifiedSampling.MaxSize), all.Strata.Sum(s => s.Allocated));
        Assert.Equal("Een steekproef heeft 1 tot 500 locaties.", none.Problem);
    }

    [Fact]
    public async Task AFailedItem_BecomesAFindingOnTheContract_TheCpoSees_AndTheCompletedChecklistIsFrozen()
    {
        var id = await FieldCheckTestData.DrawAsync(app, 77, 3);
        var location = (await FieldCheckTestData.LoadAsync(app, id)).Locations.Single(l => l.Position == 1);
        var failed = location.Items.Single(i => i.Code == "G-4");

        var early = await Officer((s, u) => s.CompleteAsync(u, id, 1));
        Assert.Equal($"Nog {location.Items.Count} punten hebben geen uitkomst.", early.Problem);
        var refusedFail = await Officer((s, u) => s.FillAsync(u, id, 1, failed.Number, FieldCheckResult.Fail, null));
        Assert.Equal("Zeg in de toelichting wat er niet in orde is.", refusedFail.Problem);
        Assert.Null((await Officer((s, u) => s.FillAsync(u, id, 1, failed.Number, FieldCheckResult.Fail, "Storingsnummer op de paal ontbreekt"))).Problem);
        foreach (var item in location.Items.Where(i => i != failed))
            Assert.Null((await Officer((s, u) => s.FillAsync(u, id, 1, item.Number, FieldCheckResult.Pass, null))).Problem);
        Assert.Null((await Officer((s, u) => s.CompleteAsync(u, id, 1))).Problem);

        var contract = await FieldCheckTestData.DemoContractAsync(app);
        var overview = await app.CallAsync(DemoAccounts.Cpo, (EvidenceQueries q, ClaimsPrincipal u) => q.OverviewAsync(u, contract));
        var finding = Assert.Single(overview!.Findings, f => f.Kind == ContractFindingKind.FieldCheckFailed && f.FieldCheckSampleId == id);
        Assert.Equal(("G-4", "Storingsnummer op de paal ontbreekt"), (finding.Code, finding.Note));
        Assert.Contains(location.Name, finding.Evses, StringComparison.Ordinal);

        var afterwards = await Officer((s, u) => s.FillAsync(u, id, 1, failed.Number, FieldCheckResult.Pass, null));
        Assert.Equal("Deze controlelijst is afgerond en verandert niet meer.", afterwards.Problem);
        var sample = await FieldCheckTestData.LoadAsync(app, id);
        Assert.Equal(FieldCheckResult.Fail, sample.Locations.Single(l => l.Position == 1).Items.Single(i => i.Number == failed.Number).Result);
        // One entry per saved result (the refused one is not saved) and one for completing, each with the officer's name.
        var history = sample.History.Where(h => h.Position == 1).ToList();
        Assert.Equal(location.Items.Count, history.Count(h => h.Kind == FieldCheckChangeKind.ItemFilled));
        Assert.Single(history, h => h.Kind == FieldCheckChangeKind.Completed);
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.ByName)));

        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var csv = await officer.Http.GetStringAsync($"/beheer/veldcontroles/{id}/resultaten.csv");
        Assert.Contains("Storingsnummer op de paal ontbreekt", csv, StringComparison.Ordinal);
        Assert.Contains(";77;", ";" + csv.Split("\r\n")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhoto_IsStoredWithTheItem_AndOnlyItsMunicipalityReadsIt()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var id = await FieldCheckTestData.DrawAsync(app, 5, 2);
        await using var png = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

        var added = await Officer((s, u) => s.AddPhotoAsync(u, id, 2, 1, "paal.png", png));
        await using var text = new MemoryStream("geen foto"u8.ToArray());
        var refused = await Officer((s, u) => s.AddPhotoAsync(u, id, 2, null, "foto.png", text));

        Assert.Null(added.Problem);
        Assert.NotNull(refused.Problem);
        var photo = Assert.Single((await FieldCheckTestData.LoadAsync(app, id)).Locations.Single(l => l.Position == 2).Photos);
        Assert.Equal(("paal.png", "image/png", 1), (photo.FileName, photo.ContentType, photo.ItemNumber));
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        using var ede = await app.LogInAsAsync(ContractTestSetup.EdeOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync($"/beheer/veldcontroles/{id}/fotos/{photo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ede.Http.GetAsync($"/beheer/veldcontroles/{id}/fotos/{photo.Id}")).StatusCode);
    }

    [Fact]
    public async Task ACpoUser_AResident_AndAnOfficerOfAnotherMunicipality_AreRefused()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var id = await FieldCheckTestData.DrawAsync(app, 9, 2);
        var scope = await FieldCheckTestData.ArnhemScopeAsync(app);
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        using var ede = await app.LogInAsAsync(ContractTestSetup.EdeOfficer);
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);

        foreach (var url in new[] { "/beheer/veldcontroles", $"/beheer/veldcontroles/{id}", $"/beheer/veldcontroles/{id}/locaties/1", $"/beheer/veldcontroles/{id}/resultaten.csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await cpo.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(url)).StatusCode);
        }
        foreach (var url in new[] { $"/beheer/veldcontroles/{id}", $"/beheer/veldcontroles/{id}/locaties/1", $"/beheer/veldcontroles/{id}/resultaten.csv" })
            Assert.Equal(HttpStatusCode.NotFound, (await ede.Http.GetAsync(url)).StatusCode);
        var (_, list) = await ede.GetPageAsync("/beheer/veldcontroles");
        Assert.DoesNotContain(id.ToString(), list.DocumentElement.OuterHtml, StringComparison.Ordinal);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            app.CallAsync(ContractTestSetup.EdeOfficer, (FieldCheckService s, ClaimsPrincipal u) => s.DrawAsync(u, scope, 3, 1)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            app.CallAsync(ContractTestSetup.EdeOfficer, (FieldCheckService s, ClaimsPrincipal u) => s.FillAsync(u, id, 1, 1, FieldCheckResult.Pass, null)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            app.CallAsync(DemoAccounts.Admin, (FieldCheckService s, ClaimsPrincipal u) => s.CompleteAsync(u, id, 1)));
        Assert.Null(await app.CallAsync(ContractTestSetup.OtherCpo, (FieldCheckQueries q, ClaimsPrincipal u) => q.SampleAsync(u, id)));
    }

    [Fact]
    public async Task TheDemo_HasOneSampleWithItsSeed_AndOneCompletedChecklist_TheSameSeedDrawsAgain()
    {
        var demo = await OfficerTestData.ReadAsync(app, db => db.Set<FieldCheckSample>().AsNoTracking().Where(s => s.Seed == (long)DemoFieldCheck.Seed)
            .Include(s => s.Locations).OrderBy(s => s.DrawnAtUtc).FirstAsync());
        var again = await FieldCheckTestData.LoadAsync(app, await FieldCheckTestData.DrawAsync(app, DemoFieldCheck.Seed, DemoFieldCheck.Size));

        Assert.Equal(DemoFieldCheck.Size, demo.Locations.Count);
        Assert.Equal([1], demo.Locations.Where(l => l.IsCompleted).Select(l => l.Position));
        Assert.Equal(demo.Locations.OrderBy(l => l.Position).Select(l => l.LocationKey), again.Locations.OrderBy(l => l.Position).Select(l => l.LocationKey));
    }

    private Task<T> Officer<T>(Func<FieldCheckService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(DemoAccounts.Officer, call);
}
