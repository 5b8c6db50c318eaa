using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Municipalities;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Policies;

public sealed class SettingAMunicipalPolicyTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // In Sonsbeek park (Arnhem): the nearest public charge location is more than 250 m away.
    private const double ParkLatitude = 51.994, ParkLongitude = 5.901;

    [Fact]
    public async Task DemoMunicipality_StartsWithItsSeededPolicy()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (response, page) = await officer.GetPageAsync("/beheer/beleid");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Arnhem", page.QuerySelector("[data-testid=policy-municipality]")!.TextContent);
        Assert.True(page.QuerySelectorAll("[data-testid=reject-reason]").Length >= 4);
        Assert.Contains("Binnenstad", page.QuerySelector("[data-testid=zones]")!.TextContent, StringComparison.Ordinal);
        var zones = JsonDocument.Parse(await officer.Http.GetStringAsync($"/beheer/beleid/zones.geojson?gemeente={await ArnhemAsync()}")).RootElement;
        Assert.Contains("Binnenstad", zones.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("naam").GetString()));
        Assert.NotNull(page.QuerySelector("#map[data-overlay]"));
        var (_, overview) = await officer.GetPageAsync("/beheer");
        Assert.NotNull(overview.QuerySelector("a[href='/beheer/beleid']"));
    }

    [Fact]
    public async Task OfficerChangesThePolicyDistance_AndTheEligibilityAnswerForArnhemFollows()
    {
        var nearest = (await CheckAsync()).GetProperty("nearest")[0].GetProperty("distanceMetres").GetDouble();
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var wide = (int)Math.Min(1000, Math.Ceiling(nearest) + 20);

        await SaveAsync(officer, new() { ["Form.PolicyDistanceMetres"] = wide.ToString(CultureInfo.InvariantCulture) });
        var after = await CheckAsync();
        Assert.Equal(wide, after.GetProperty("policyDistanceMetres").GetDouble());
        Assert.Equal("ChargePointNearby", after.GetProperty("outcome").GetString());

        await SaveAsync(officer, new() { ["Form.PolicyDistanceMetres"] = "25" });
        var narrow = await CheckAsync();
        Assert.Equal(25, narrow.GetProperty("policyDistanceMetres").GetDouble());
        Assert.Equal("NoChargePointNearby", narrow.GetProperty("outcome").GetString());

        var (_, page) = await officer.GetPageAsync("/beheer/beleid");
        var history = page.QuerySelector("[data-testid=policy-history]")!.TextContent;
        Assert.Contains("Olaf Ambtenaar", history, StringComparison.Ordinal);
        Assert.Contains($"Beleidsafstand (meter): {wide} → 25", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PointOutsideEveryMunicipality_UsesTheInstallationDefaults()
    {
        using var client = app.CreateClient();
        // Maastricht: far outside Arnhem, and no other municipality has a boundary here.
        var result = JsonDocument.Parse(await client.Http.GetStringAsync("/api/eligibility?lat=50.851&lon=5.690")).RootElement;

        Assert.Equal(250, result.GetProperty("policyDistanceMetres").GetDouble());
    }

    [Fact]
    public async Task InvalidInput_GetsAMessageNextToEachField_KeepsWhatWasTyped_AndSavesNothing()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, form) = await officer.GetPageAsync("/beheer/beleid");
        var distanceBefore = (await CheckAsync()).GetProperty("policyDistanceMetres").GetDouble();

        var response = await officer.SubmitAsync(form, "policy", new Dictionary<string, string>
        {
            ["Form.PolicyDistanceMetres"] = "tweehonderd",
            ["Form.OccupancyThresholdPercent"] = "150",
            ["Form.RejectReasons[0].Title"] = "",
            ["Form.IntroNl"] = "  ",
            ["Form.Action"] = "save",
        });
        var (_, page) = await officer.FollowAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tweehonderd", page.QuerySelector<IHtmlInputElement>("#distance")!.Value);
        Assert.Equal("150", page.QuerySelector<IHtmlInputElement>("#occupancy")!.Value);
        Assert.Contains("Vul een heel getal in.", ErrorOf(page, "distance"), StringComparison.Ordinal);
        Assert.Contains("Vul een percentage in tussen 1 en 100.", ErrorOf(page, "occupancy"), StringComparison.Ordinal);
        Assert.Contains("Geef de reden een titel.", ErrorOf(page, "reason-0-title"), StringComparison.Ordinal);
        Assert.Contains("Deze tekst is verplicht.", ErrorOf(page, "intro-nl"), StringComparison.Ordinal);
        Assert.Contains("niet opgeslagen", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(distanceBefore, (await CheckAsync()).GetProperty("policyDistanceMetres").GetDouble());
    }

    [Fact]
    public async Task RejectReasons_AreAddedAndRemovedWithButtons_WithoutJavaScript()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, form) = await officer.GetPageAsync("/beheer/beleid");
        var rows = form.QuerySelectorAll("[data-testid=reject-reason]").Length;

        var added = await officer.SubmitAsync(form, "policy", new Dictionary<string, string> { ["Form.Action"] = "add-reason" });
        var (_, withRow) = await officer.FollowAsync(added);
        Assert.Equal(rows + 1, withRow.QuerySelectorAll("[data-testid=reject-reason]").Length);

        var saved = await officer.SubmitAsync(withRow, "policy", new Dictionary<string, string>
        {
            [$"Form.RejectReasons[{rows}].Title"] = "Laadpaal op eigen terrein mogelijk",
            [$"Form.RejectReasons[{rows}].Text"] = "U kunt op eigen terrein een laadpaal plaatsen.",
            ["Form.Action"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await officer.FollowAsync(saved);
        Assert.Equal("Laadpaal op eigen terrein mogelijk", after.QuerySelector<IHtmlInputElement>($"#reason-{rows}-title")!.Value);

        var removed = await officer.SubmitAsync(after, "policy", new Dictionary<string, string> { ["Form.Action"] = $"remove-reason-{rows}" });
        var (_, without) = await officer.FollowAsync(removed);
        var resaved = await officer.SubmitAsync(without, "policy", new Dictionary<string, string> { ["Form.Action"] = "save" });
        var (_, final) = await officer.FollowAsync(resaved);
        Assert.Equal(rows, final.QuerySelectorAll("[data-testid=reject-reason]").Length);
    }

    [Fact]
    public async Task OfficerOfAnotherMunicipality_CannotSeeArnhemsPolicy_AndResidentsAreRefused()
    {
        var email = $"utrecht-{Guid.NewGuid():N}@test.example";
        var arnhem = await CreateOfficerOfAnotherMunicipalityAsync(email);
        using var other = await app.LogInAsAsync(email);

        var (own, ownPage) = await other.GetPageAsync("/beheer/beleid");
        var (response, _) = await other.GetPageAsync($"/beheer/beleid?gemeente={arnhem}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotEqual("Arnhem", ownPage.QuerySelector("[data-testid=policy-municipality]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/beheer/beleid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/beheer/beleid/zones.geojson?gemeente={arnhem}")).StatusCode);
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"/beheer/beleid?gemeente={arnhem}")).StatusCode);
    }

    [Fact]
    public async Task PermitZoneUpload_KeepsTheGoodZones_AndReportsEveryBadFeature()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        using var scope = app.App.Services.CreateScope();
        var policies = scope.ServiceProvider.GetRequiredService<Portal.Features.Policies.MunicipalityPolicies>();
        var arnhem = await ArnhemAsync();
        var demoZones = (await policies.GetAsync(arnhem)).PermitZones;
        const string upload = """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "naam": "Klarendal" },
                "geometry": { "type": "Polygon", "coordinates": [[[5.91, 51.99], [5.93, 51.99], [5.93, 52.00], [5.91, 52.00], [5.91, 51.99]]] } },
              { "type": "Feature", "id": "strik", "properties": { "naam": "Strik" },
                "geometry": { "type": "Polygon", "coordinates": [[[5.90, 51.97], [5.92, 51.98], [5.92, 51.97], [5.90, 51.98], [5.90, 51.97]]] } },
              { "type": "Feature", "id": "naamloos", "properties": {},
                "geometry": { "type": "Polygon", "coordinates": [[[5.94, 51.99], [5.95, 51.99], [5.95, 52.00], [5.94, 51.99]]] } }
            ] }
            """;

        var response = await officer.UploadAsync("/beheer/beleid", "upload-zones", "bestand", "zones.geojson", Encoding.UTF8.GetBytes(upload));
        var (_, page) = await officer.FollowAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = page.QuerySelector("[data-testid=zone-rejected]")!.TextContent;
        Assert.Contains("strik", rejected, StringComparison.Ordinal);
        Assert.Contains("not a valid shape", rejected, StringComparison.Ordinal);
        Assert.Contains("naamloos", rejected, StringComparison.Ordinal);
        Assert.Equal("Klarendal", page.QuerySelector("[data-testid=zones] li")!.ChildNodes.First().TextContent.Trim());
        var settings = await policies.GetAsync(arnhem);
        Assert.Equal(["Klarendal"], settings.PermitZones.Select(z => z.Name));
        var zones = await policies.PermitZonesAsync(arnhem);
        Assert.True(Assert.Single(zones).Contains(51.995, 5.92));

        // The other tests of this class expect the demo zones.
        await policies.SaveAsync(arnhem, settings with { PermitZones = demoZones }, PolicyActor.System);
    }

    [Fact]
    public async Task PermitZoneUpload_OfAnotherFileType_OrWithoutUsableZones_ChangesNothing()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        using var scope = app.App.Services.CreateScope();
        var policies = scope.ServiceProvider.GetRequiredService<Portal.Features.Policies.MunicipalityPolicies>();
        var before = (await policies.GetAsync(await ArnhemAsync())).PermitZones;

        var wrongType = await officer.UploadAsync("/beheer/beleid", "upload-zones", "bestand", "zones.txt", Encoding.UTF8.GetBytes("naam;polygoon"));
        var (_, wrongPage) = await officer.FollowAsync(wrongType);
        Assert.Contains("Kies een GeoJSON-bestand", wrongPage.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var broken = await officer.UploadAsync("/beheer/beleid", "upload-zones", "bestand", "zones.geojson", Encoding.UTF8.GetBytes("{ \"type\": \"FeatureCollection\", "));
        var (_, brokenPage) = await officer.FollowAsync(broken);
        Assert.Contains("not valid JSON", brokenPage.QuerySelector("[data-testid=zone-rejected]")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(before, (await policies.GetAsync(await ArnhemAsync())).PermitZones);
    }

    private async Task<JsonElement> CheckAsync()
    {
        using var client = app.CreateClient();
        var response = await client.Http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/eligibility?lat={ParkLatitude}&lon={ParkLongitude}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task SaveAsync(PortalClient officer, Dictionary<string, string> fields)
    {
        var (_, form) = await officer.GetPageAsync("/beheer/beleid");
        fields["Form.Action"] = "save";
        var response = await officer.SubmitAsync(form, "policy", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string ErrorOf(IDocument page, string inputId) =>
        page.QuerySelector($"#{inputId}-error")?.TextContent ?? "";

    private async Task<Guid> ArnhemAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var code = MunicipalityCode.Parse("GM0202");
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities.Where(m => m.Code == code).Select(m => m.Id).SingleAsync();
    }

    private async Task<Guid> CreateOfficerOfAnotherMunicipalityAsync(string email)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var code = MunicipalityCode.Parse($"GM{Random.Shared.Next(1000, 9999)}");
        var other = Municipality.Register(code, "Rheden", DateTime.UtcNow);
        db.Municipalities.Add(other);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Rita Rheden", Memberships = [new OfficerMembership { MunicipalityId = other.Id }] };
        Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, PortalRoles.Officer);
        return await ArnhemAsync();
    }
}
