using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Municipalities;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Components.BackOffice;
using Portal.Features.Spots;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Spots;

public sealed class ManagingSpotsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static Dictionary<string, string> SpotFields(double latitude, double longitude, string address = "Teststraat 1") => new()
    {
        ["Form.Latitude"] = latitude.ToString(CultureInfo.InvariantCulture),
        ["Form.Longitude"] = longitude.ToString(CultureInfo.InvariantCulture),
        ["Form.Address"] = address,
        ["Form.Bays"] = "2",
        ["Form.SetUp"] = "OnPavement",
        ["Form.FreePavementWidthCm"] = "150",
        ["Form.DistanceToBayCm"] = "40",
        ["Form.GridCable"] = "ja",
    };

    // A point in Arnhem's Sonsbeek park, more than 50 m from every charge point in the demo data.
    private const double ParkLatitude = 51.99400, ParkLongitude = 5.90100;

    [Fact]
    public async Task OfficerAddsASpotByCoordinates_AndSeesItWithItsHistory()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, form) = await officer.GetPageAsync($"/beheer/plekken/nieuw?lat={ParkLatitude.ToString(CultureInfo.InvariantCulture)}&lon={ParkLongitude.ToString(CultureInfo.InvariantCulture)}");
        Assert.Equal(ParkLatitude.ToString(CultureInfo.InvariantCulture), form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#lat")!.Value);

        var saved = await officer.SubmitAsync(form, "new-spot", SpotFields(ParkLatitude, ParkLongitude, "Zijpendaalseweg, parkeerhaven"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, spot) = await officer.FollowAsync(saved);

        Assert.Equal("Zijpendaalseweg, parkeerhaven", spot.QuerySelector("h1")!.TextContent);
        Assert.Equal("Kandidaat", spot.QuerySelector("[data-testid=spot-status]")!.TextContent);
        Assert.Null(spot.QuerySelector("[data-testid=spot-warnings]"));
        Assert.Contains("Plek aangemaakt", spot.QuerySelector("[data-testid=spot-history]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Olaf Ambtenaar", spot.QuerySelector("[data-testid=spot-history]")!.TextContent, StringComparison.Ordinal);

        var (_, overview) = await officer.GetPageAsync("/beheer");
        Assert.Contains("Kandidaat: ", overview.QuerySelector("[data-testid=spot-counts]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpotNextToACharger_IsWarnedAbout_AndNeedsConfirmation()
    {
        var (latitude, longitude) = await AChargeLocationAsync();
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, form) = await officer.GetPageAsync("/beheer/plekken/nieuw");

        // 0.0001 degree of latitude is about 11 m.
        var first = await officer.SubmitAsync(form, "new-spot", SpotFields(latitude + 0.0001, longitude, "Naast de lader"));
        var (_, warned) = await officer.FollowAsync(first);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Er staat een laadpunt op 11", warned.QuerySelector("[data-testid=spot-warnings]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Naast de lader", warned.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#address")!.Value);

        var fields = SpotFields(latitude + 0.0001, longitude, "Naast de lader");
        fields["Form.AcceptWarnings"] = "true";
        var confirmed = await officer.SubmitAsync(warned, "new-spot", fields);
        var (_, spot) = await officer.FollowAsync(confirmed);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("laadpunt op 11", spot.QuerySelector("[data-testid=spot-warnings]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PositionOutsideTheNetherlands_IsRefused_AndTheFormKeepsItsValues()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, form) = await officer.GetPageAsync("/beheer/plekken/nieuw");

        var response = await officer.SubmitAsync(form, "new-spot", SpotFields(5.9, 51.98, "Verwisseld"));
        var (_, page) = await officer.FollowAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("verwisseld", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Verwisseld", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#address")!.Value);
    }

    [Fact]
    public async Task RejectingNeedsAReason_AndIsRecordedInTheHistory()
    {
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var spotUrl = await CreateSpotAsync(officer, ParkLatitude + 0.002, ParkLongitude, "Afwijzen");
        var (_, page) = await officer.GetPageAsync(spotUrl);

        var (_, refused) = await officer.FollowAsync(await officer.SubmitAsync(page, "spot-status", new Dictionary<string, string> { ["StatusForm.To"] = "Rejected" }));
        Assert.Contains("reden", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var (_, rejected) = await officer.FollowAsync(await officer.SubmitAsync(refused, "spot-status", new Dictionary<string, string> { ["StatusForm.To"] = "Rejected", ["StatusForm.Reason"] = "Boomwortels" }));
        Assert.Equal("Afgewezen", rejected.QuerySelector("[data-testid=spot-status]")!.TextContent);
        Assert.Contains("Status van Kandidaat naar Afgewezen", rejected.QuerySelector("[data-testid=spot-history]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Boomwortels", rejected.QuerySelector("[data-testid=spot-history]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficerOfAnotherMunicipality_CannotSeeOrChangeTheSpot()
    {
        using var arnhem = await app.LogInAsAsync(DemoAccounts.Officer);
        var spotUrl = await CreateSpotAsync(arnhem, ParkLatitude + 0.004, ParkLongitude, "Alleen Arnhem");
        await CreateOfficerOfUtrechtAsync("utrecht@ambtenaar.example");
        using var utrecht = await app.LogInAsAsync("utrecht@ambtenaar.example");

        var (detail, _) = await utrecht.GetPageAsync(spotUrl);
        var (edit, _) = await utrecht.GetPageAsync(spotUrl + "/bewerken");
        var list = await ListAsync("utrecht@ambtenaar.example", GridQuery.Default with { Search = "Alleen Arnhem" });

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Empty(list.Items);
        Assert.Single((await ListAsync(DemoAccounts.Officer, GridQuery.Default with { Search = "Alleen Arnhem" })).Items);
    }

    [Theory]
    [InlineData(DemoAccounts.Resident)]
    [InlineData(DemoAccounts.Cpo)]
    public async Task OtherRoles_AreRefused(string account)
    {
        using var client = await app.LogInAsAsync(account);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/beheer/plekken")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/beheer/plekken/nieuw")).StatusCode);
    }

    private static async Task<string> CreateSpotAsync(PortalClient officer, double latitude, double longitude, string address)
    {
        var (_, form) = await officer.GetPageAsync("/beheer/plekken/nieuw");
        var response = await officer.SubmitAsync(form, "new-spot", SpotFields(latitude, longitude, address));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.RedirectPath().Split('?')[0];
    }

    private async Task<(double Latitude, double Longitude)> AChargeLocationAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var location = await db.ChargeLocations.AsNoTracking().OrderBy(l => l.SourceId).FirstAsync();
        return (location.Latitude, location.Longitude);
    }

    private async Task<GridPage<SpotRow>> ListAsync(string officer, GridQuery grid)
    {
        var principal = await app.PrincipalOfAsync(officer);
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SpotService>().ListAsync(principal, grid, status: null);
    }

    private async Task CreateOfficerOfUtrechtAsync(string email)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var utrecht = Municipality.Register(MunicipalityCode.Parse("GM0344"), "Utrecht", DateTime.UtcNow);
        db.Municipalities.Add(utrecht);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ute Utrecht", Memberships = [new OfficerMembership { MunicipalityId = utrecht.Id }] };
        Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, PortalRoles.Officer);
    }
}
