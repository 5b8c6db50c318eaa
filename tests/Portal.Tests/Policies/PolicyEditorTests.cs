using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Domain.Municipalities;
using Portal.Features.Policies;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Policies;

/// <summary>The policy page's work, moved out of the page: checking the form, saving it with its history, the zones.</summary>
public sealed class PolicyEditorTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Zones = """
        { "type": "FeatureCollection", "features": [
          { "type": "Feature", "properties": { "naam": "Klarendal" },
            "geometry": { "type": "Polygon", "coordinates": [[[5.91, 51.99], [5.93, 51.99], [5.93, 52.00], [5.91, 52.00], [5.91, 51.99]]] } },
          { "type": "Feature", "id": "strik", "properties": { "naam": "Strik" },
            "geometry": { "type": "Polygon", "coordinates": [[[5.90, 51.97], [5.92, 51.98], [5.92, 51.97], [5.90, 51.98], [5.90, 51.97]]] } },
          { "type": "Feature", "id": "naamloos", "properties": {},
            "geometry": { "type": "Polygon", "coordinates": [[[5.94, 51.99], [5.95, 51.99], [5.95, 52.00], [5.94, 51.99]]] } }
        ] }
        """;

    [Fact]
    public void TheCheck_GivesEachFieldItsMessage_InDutch()
    {
        using var scope = app.App.Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<PolicyEditor>();
        var form = PolicyForm.From(scope.ServiceProvider.GetRequiredService<MunicipalityPolicies>().Defaults);
        form.PolicyDistanceMetres = "tweehonderd";
        form.OccupancyThresholdPercent = "150";
        form.RejectReasons[0].Title = "";
        form.IntroNl = "  ";

        var check = editor.Check(form, []);

        Assert.False(check.IsValid);
        Assert.Equal(["Vul een heel getal in."], check.For(nameof(PolicyForm.PolicyDistanceMetres)));
        Assert.Equal(["Vul een percentage in tussen 1 en 100."], check.For(nameof(PolicyForm.OccupancyThresholdPercent)));
        Assert.Equal(["Geef de reden een titel."], check.For("RejectReasons[0].Title"));
        Assert.Equal(["Deze tekst is verplicht."], check.For(nameof(PolicyForm.IntroNl)));
        Assert.Empty(check.For(nameof(PolicyForm.RetentionMonths)));
        Assert.Equal(4, check.Errors.Count);
    }

    [Fact]
    public void TheCheck_ReadsNumbersWithSpaces_AndAsksForAtLeastOneReason()
    {
        using var scope = app.App.Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<PolicyEditor>();
        var form = PolicyForm.From(scope.ServiceProvider.GetRequiredService<MunicipalityPolicies>().Defaults);
        form.PolicyDistanceMetres = " 300 ";
        form.RejectReasons.Clear();

        var check = editor.Check(form, []);

        Assert.Equal(300, check.Settings.PolicyDistanceMetres);
        Assert.Equal([nameof(PolicyForm.RejectReasons)], check.Errors.Keys);
    }

    [Fact]
    public async Task Saving_AValidForm_StoresItAndWritesWhoChangedWhat_AnInvalidOneSavesNothing()
    {
        var municipality = await OfficerTestData.MunicipalityAsync(app, "GM0301", "Beleiddorp");
        await OfficerTestData.UserAsync(app, "bea@beleiddorp.test", "Bea Beleid", PortalRoles.Officer, municipality);
        var view = await CallAsync("bea@beleiddorp.test", (e, u) => e.OpenAsync(u, municipality));
        var form = view!.Form;

        form.PolicyDistanceMetres = "300";
        form.RejectReasons.Add(new RejectReasonRow { Title = "Laadpaal op eigen terrein mogelijk", Text = "U kunt op eigen terrein een laadpaal plaatsen." });
        var saved = await CallAsync("bea@beleiddorp.test", (e, u) => e.SaveAsync(u, municipality, form));

        Assert.True(saved.IsValid);
        var policy = await GetAsync(municipality);
        Assert.Equal(300, policy.PolicyDistanceMetres);
        Assert.Contains(policy.RejectReasons, r => r.Title == "Laadpaal op eigen terrein mogelijk");
        var history = await CallAsync("bea@beleiddorp.test", (e, u) => e.HistoryAsync(u, municipality, GridQuery.Default));
        var entry = Assert.Single(history.Items);
        Assert.Equal("Bea Beleid", entry.ChangedByName);
        Assert.Contains(entry.Changes, c => c.Field == nameof(PolicySettings.PolicyDistanceMetres) && c.To == "300");

        form.OccupancyThresholdPercent = "0";
        form.PolicyDistanceMetres = "400";
        var refused = await CallAsync("bea@beleiddorp.test", (e, u) => e.SaveAsync(u, municipality, form));

        Assert.False(refused.IsValid);
        Assert.Equal(300, (await GetAsync(municipality)).PolicyDistanceMetres);
        Assert.Equal(1, (await CallAsync("bea@beleiddorp.test", (e, u) => e.HistoryAsync(u, municipality, GridQuery.Default))).Total);
    }

    [Fact]
    public async Task AnotherMunicipalitysPolicy_DoesNotExistForAnOfficer_ButDoesForAnAdministrator()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var other = await OfficerTestData.MunicipalityAsync(app, "GM0302", "Anderdorp");
        await OfficerTestData.UserAsync(app, "ad@anderdorp.test", "Ad Ander", PortalRoles.Officer, other);
        var form = (await CallAsync(DemoAccounts.Admin, (e, u) => e.OpenAsync(u, arnhem)))!.Form;

        Assert.Null(await CallAsync("ad@anderdorp.test", (e, u) => e.OpenAsync(u, arnhem)));
        Assert.Equal(["Anderdorp"], (await CallAsync("ad@anderdorp.test", (e, u) => e.MunicipalitiesAsync(u))).Select(m => m.Name));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CallAsync("ad@anderdorp.test", (e, u) => e.SaveAsync(u, arnhem, form)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CallAsync("ad@anderdorp.test", (e, u) => e.HistoryAsync(u, arnhem, GridQuery.Default)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => CallAsync("ad@anderdorp.test", (e, u) => e.RemoveZoneAsync(u, arnhem, "Binnenstad")));
        Assert.Contains((await CallAsync(DemoAccounts.Admin, (e, u) => e.MunicipalitiesAsync(u))).Select(m => m.Name), n => n == "Anderdorp");
    }

    [Fact]
    public async Task AZoneUpload_KeepsTheGoodZones_ReportsEveryBadFeature_AndAZoneCanBeRemoved()
    {
        var municipality = await OfficerTestData.MunicipalityAsync(app, "GM0303", "Zonedorp");
        await OfficerTestData.UserAsync(app, "zo@zonedorp.test", "Zo Zone", PortalRoles.Officer, municipality);

        var upload = await UploadAsync("zo@zonedorp.test", municipality, "zones.geojson", Zones);

        Assert.Equal(1, upload.Saved);
        Assert.Null(upload.Problem);
        Assert.Equal(["strik", "naamloos"], upload.Rejected.Select(r => r.Id));
        Assert.Contains("not a valid shape", upload.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["Klarendal"], (await GetAsync(municipality)).PermitZones.Select(z => z.Name));
        using (var scope = app.App.Services.CreateScope())
        {
            var zones = await scope.ServiceProvider.GetRequiredService<MunicipalityPolicies>().PermitZonesAsync(municipality);
            Assert.True(Assert.Single(zones).Contains(51.995, 5.92));
        }

        Assert.False(await CallAsync("zo@zonedorp.test", (e, u) => e.RemoveZoneAsync(u, municipality, "Bestaat niet")));
        Assert.True(await CallAsync("zo@zonedorp.test", (e, u) => e.RemoveZoneAsync(u, municipality, "Klarendal")));
        Assert.Empty((await GetAsync(municipality)).PermitZones);
        Assert.Equal(2, (await CallAsync("zo@zonedorp.test", (e, u) => e.HistoryAsync(u, municipality, GridQuery.Default))).Total);
    }

    [Fact]
    public async Task AZoneUpload_OfAnotherFileType_TooLarge_OrWithoutUsableZones_ChangesNothing()
    {
        var municipality = await OfficerTestData.MunicipalityAsync(app, "GM0304", "Foutdorp");
        await OfficerTestData.UserAsync(app, "fo@foutdorp.test", "Fo Fout", PortalRoles.Officer, municipality);

        var wrongType = await UploadAsync("fo@foutdorp.test", municipality, "zones.txt", "naam;polygoon");
        var broken = await UploadAsync("fo@foutdorp.test", municipality, "zones.geojson", "{ \"type\": \"FeatureCollection\", ");
        var tooLarge = await CallAsync("fo@foutdorp.test", (e, u) => e.UploadZonesAsync(u, municipality, "zones.geojson", MunicipalityPolicies.MaxZoneUploadBytes + 1, Stream.Null));
        var empty = await CallAsync("fo@foutdorp.test", (e, u) => e.UploadZonesAsync(u, municipality, "zones.geojson", 0, Stream.Null));

        Assert.Equal("Kies een GeoJSON-bestand (.geojson of .json).", wrongType.Problem);
        Assert.Contains("not valid JSON", Assert.Single(broken.Rejected).Reason, StringComparison.Ordinal);
        Assert.Equal("Het bestand bevat geen bruikbare vergunningzone; er is niets gewijzigd.", broken.Problem);
        Assert.Equal("Het bestand is groter dan 5 MB.", tooLarge.Problem);
        Assert.Equal("Kies een bestand om te importeren.", empty.Problem);
        Assert.Empty((await GetAsync(municipality)).PermitZones);
    }

    private Task<ZoneUpload> UploadAsync(string email, Guid municipality, string fileName, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return CallAsync(email, (e, u) => e.UploadZonesAsync(u, municipality, fileName, bytes.Length, new MemoryStream(bytes)));
    }

    private Task<T> CallAsync<T>(string email, Func<PolicyEditor, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    private async Task<PolicySettings> GetAsync(Guid municipality)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MunicipalityPolicies>().GetAsync(municipality);
    }
}
