using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.Accounts;
using Portal.Domain.Municipalities;
using Portal.Features.Policies;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Policies;

/// <summary>
/// The policy page as a browser first gets it (the prerender, over HTTP), who may open it, and what
/// a saved policy changes for residents (the eligibility check). Editing is tested on the service
/// (<see cref="PolicyEditorTests"/>) and the interactive page (<see cref="PolicyPageTests"/>).
/// </summary>
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
        Assert.NotNull(page.QuerySelector("[data-testid=zones-map] [role=region]"));
        var (_, overview) = await officer.GetPageAsync("/beheer");
        Assert.NotNull(overview.QuerySelector("a[href='/beheer/beleid']"));
    }

    [Fact]
    public async Task OfficerChangesThePolicyDistance_AndTheEligibilityAnswerForArnhemFollows()
    {
        var nearest = (await CheckAsync()).GetProperty("nearest")[0].GetProperty("distanceMetres").GetDouble();
        var arnhem = await ArnhemAsync();
        var wide = (int)Math.Min(1000, Math.Ceiling(nearest) + 20);

        await SaveDistanceAsync(arnhem, wide);
        var after = await CheckAsync();
        Assert.Equal(wide, after.GetProperty("policyDistanceMetres").GetDouble());
        Assert.Equal("ChargePointNearby", after.GetProperty("outcome").GetString());

        await SaveDistanceAsync(arnhem, 25);
        var narrow = await CheckAsync();
        Assert.Equal(25, narrow.GetProperty("policyDistanceMetres").GetDouble());
        Assert.Equal("NoChargePointNearby", narrow.GetProperty("outcome").GetString());
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
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        Assert.Equal(HttpStatusCode.Forbidden, (await cpo.Http.GetAsync("/beheer/beleid")).StatusCode);
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"/beheer/beleid?gemeente={arnhem}")).StatusCode);
    }

    private async Task SaveDistanceAsync(Guid arnhem, int metres)
    {
        var view = await app.CallAsync(DemoAccounts.Officer, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.OpenAsync(u, arnhem));
        view!.Form.PolicyDistanceMetres = metres.ToString(CultureInfo.InvariantCulture);
        var check = await app.CallAsync(DemoAccounts.Officer, (PolicyEditor e, System.Security.Claims.ClaimsPrincipal u) => e.SaveAsync(u, arnhem, view.Form));
        Assert.True(check.IsValid, string.Join(", ", check.Errors.SelectMany(e => e.Value)));
    }

    private async Task<JsonElement> CheckAsync()
    {
        using var client = app.CreateClient();
        var response = await client.Http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/eligibility?lat={ParkLatitude}&lon={ParkLongitude}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

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
