using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Domain.Municipalities;
using Portal.Domain.Spots;
using Portal.Features.Spots;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Spots;

/// <summary>
/// An officer's work on single spots, through the service the interactive pages call (real database):
/// placing with the checks, saving, moving, editing, status changes; and who may open the pages.
/// </summary>
public sealed class ManagingSpotsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // A point in Arnhem's Sonsbeek park, more than 50 m from every charge point in the demo data.
    private const double ParkLatitude = 51.99400, ParkLongitude = 5.90100;

    private static SpotForm Form(double latitude, double longitude, string address = "Teststraat 1") => new()
    {
        Latitude = latitude,
        Longitude = longitude,
        Address = address,
        Bays = 2,
        SetUp = SpotSetUp.OnPavement,
        FreePavementWidthCm = 150,
        DistanceToBayCm = 40,
        GridCable = "ja",
    };

    private async Task<T> WithSpotsAsync<T>(Func<SpotService, Task<T>> call)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<SpotService>());
    }

    private Task<ClaimsPrincipal> OfficerAsync() => app.PrincipalOfAsync(DemoAccounts.Officer);

    [Fact]
    public async Task ANewSpot_IsSavedAsACandidate_WithWhoMadeItInItsHistory()
    {
        var officer = await OfficerAsync();
        var form = Form(ParkLatitude, ParkLongitude, "Zijpendaalseweg, parkeerhaven");

        var placement = await WithSpotsAsync(s => s.PlaceAsync(officer, form));
        var save = await WithSpotsAsync(s => s.SaveNewAsync(officer, form));

        Assert.Empty(placement!.Warnings);
        Assert.Equal(SpotSaveOutcome.Saved, save.Outcome);
        var spot = (await WithSpotsAsync(s => s.FindAsync(officer, save.SpotId!.Value)))!;
        Assert.Equal("Zijpendaalseweg, parkeerhaven", spot.Address);
        Assert.Equal(SpotStatus.Candidate, spot.Status);
        Assert.True(spot.GridCableNearby);
        var created = Assert.Single(spot.History);
        Assert.Equal(SpotChangeKind.Created, created.Kind);
        Assert.Equal("Olaf Ambtenaar", created.ByName);
    }

    [Fact]
    public async Task ASpotNextToACharger_IsWarnedAbout_AndSavedOnlyOnceTheOfficerAcceptsIt()
    {
        var officer = await OfficerAsync();
        var (latitude, longitude) = await AChargeLocationAsync();
        // 0.0001 degree of latitude is about 11 m.
        var form = Form(latitude + 0.0001, longitude, "Naast de lader");

        var refused = await WithSpotsAsync(s => s.SaveNewAsync(officer, form));

        Assert.Equal(SpotSaveOutcome.NeedsConfirmation, refused.Outcome);
        Assert.Null(refused.SpotId);
        Assert.StartsWith("Deze plek voldoet niet aan alle richtlijnen", refused.Problem, StringComparison.Ordinal);
        var warning = Assert.Single(refused.Placement.Warnings);
        Assert.Equal(SpotWarningKind.ChargePointTooClose, warning.Kind);
        Assert.InRange(warning.Measured, 10.5, 11.6);
        Assert.Equal(0, await CountAsync("Naast de lader"));

        form.AcceptWarnings = true;
        var saved = await WithSpotsAsync(s => s.SaveNewAsync(officer, form));

        Assert.Equal(SpotSaveOutcome.Saved, saved.Outcome);
        Assert.Equal(1, await CountAsync("Naast de lader"));
        var stillWarned = await WithSpotsAsync(s => s.PlaceMoveAsync(officer, saved.SpotId!.Value, latitude + 0.0001, longitude));
        Assert.Contains(stillWarned!.Warnings, w => w.Kind == SpotWarningKind.ChargePointTooClose);
    }

    [Fact]
    public async Task APositionOutsideTheNetherlands_IsRefused_WithTheHintThatTheNumbersMayBeSwapped()
    {
        var officer = await OfficerAsync();
        var form = Form(5.9, 51.98, "Verwisseld");

        var placement = await WithSpotsAsync(s => s.PlaceAsync(officer, form));
        form.AcceptWarnings = true;
        var save = await WithSpotsAsync(s => s.SaveNewAsync(officer, form));

        Assert.True(placement!.OutsideArea);
        Assert.Equal(SpotSaveOutcome.OutsideArea, save.Outcome);
        Assert.Contains("verwisseld", save.Problem, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("Verwisseld"));
        Assert.Null(await WithSpotsAsync(s => s.PlaceAsync(officer, new SpotForm { Address = "Nog geen punt" })));
    }

    [Fact]
    public async Task RejectingNeedsAReason_AndIsRecordedInTheHistory()
    {
        var officer = await OfficerAsync();
        var id = await app.NewSpotAsync(officer, "Afwijzen");

        var withoutReason = await WithSpotsAsync(s => s.ChangeStatusAsync(officer, id, SpotStatus.Rejected, "  "));
        var notAllowed = await WithSpotsAsync(s => s.ChangeStatusAsync(officer, id, SpotStatus.Realised, null));
        var withReason = await WithSpotsAsync(s => s.ChangeStatusAsync(officer, id, SpotStatus.Rejected, "Boomwortels"));

        Assert.Equal("Geef een reden waarom de plek de status ‘Afgewezen’ krijgt.", withoutReason);
        Assert.Equal("Een plek kan niet van ‘Kandidaat’ naar ‘Gerealiseerd’.", notAllowed);
        Assert.Null(withReason);
        var spot = (await WithSpotsAsync(s => s.FindAsync(officer, id)))!;
        Assert.Equal(SpotStatus.Rejected, spot.Status);
        Assert.Contains(spot.History, h => h is { Kind: SpotChangeKind.StatusChanged, From: "Candidate", To: "Rejected", Reason: "Boomwortels" });
    }

    [Fact]
    public async Task MovingASpot_ChecksTheNewPoint_AndRecordsFromWhereToWhereAndWhy()
    {
        var officer = await OfficerAsync();
        var id = await app.NewSpotAsync(officer, "Verhuisstraat 1", latitudeOffset: 0.0031);
        var (latitude, longitude) = await AChargeLocationAsync();

        var warned = await WithSpotsAsync(s => s.MoveAsync(officer, id, latitude + 0.0001, longitude, "Dichter bij de stroom", acceptWarnings: false));
        var moved = await WithSpotsAsync(s => s.MoveAsync(officer, id, latitude + 0.0001, longitude, "Dichter bij de stroom", acceptWarnings: true));

        Assert.Equal(SpotSaveOutcome.NeedsConfirmation, warned!.Outcome);
        Assert.Equal(SpotSaveOutcome.Saved, moved!.Outcome);
        var spot = (await WithSpotsAsync(s => s.FindAsync(officer, id)))!;
        Assert.Equal(latitude + 0.0001, spot.Latitude, precision: 7);
        var change = Assert.Single(spot.History, h => h.Kind == SpotChangeKind.Moved);
        Assert.Equal("51.9931, 5.9", change.From);
        Assert.Equal("Dichter bij de stroom", change.Reason);
        Assert.Equal("Olaf Ambtenaar", change.ByName);
    }

    [Fact]
    public async Task EditingASpot_SavesItsDetailsAndPosition_WithTheReason_AndARetiredSpotStaysAsItWas()
    {
        var officer = await OfficerAsync();
        var id = await app.NewSpotAsync(officer, "Wijzigweg 1", latitudeOffset: 0.0045);
        var spot = (await WithSpotsAsync(s => s.FindAsync(officer, id)))!;
        var form = SpotForm.From(spot);
        form.Address = "Wijzigweg 3";
        form.Bays = 4;
        form.Notes = "Naast de boom";
        form.Reason = "Gemeten ter plekke";
        form.AcceptWarnings = true;   // this test is about what is saved, not about the guidelines

        var save = await WithSpotsAsync(s => s.SaveAsync(officer, id, form));

        Assert.Equal(SpotSaveOutcome.Saved, save!.Outcome);
        var edited = (await WithSpotsAsync(s => s.FindAsync(officer, id)))!;
        Assert.Equal(("Wijzigweg 3", 4, "Naast de boom"), (edited.Address, edited.Bays, edited.Notes));
        Assert.Contains(edited.History, h => h is { Kind: SpotChangeKind.Edited, Reason: "Gemeten ter plekke" });
        Assert.DoesNotContain(edited.History, h => h.Kind == SpotChangeKind.Moved);

        Assert.Null(await WithSpotsAsync(s => s.ChangeStatusAsync(officer, id, SpotStatus.Retired, "Weg")));
        form.Address = "Wijzigweg 5";
        var refused = await WithSpotsAsync(s => s.SaveAsync(officer, id, form));
        Assert.Equal(SpotSaveOutcome.Refused, refused!.Outcome);
        Assert.Equal("Een vervallen plek kan niet meer worden gewijzigd.", refused.Problem);
    }

    [Fact]
    public async Task TheSpotMapsMarkers_AreTheOpenSpotsInTheBox_ByAddress_WithHowManyThereAre()
    {
        var officer = await OfficerAsync();
        // Far north of the other tests' spots, so the box holds these alone.
        await app.NewSpotAsync(officer, "Kadestraat 2", latitudeOffset: 0.05);
        await app.NewSpotAsync(officer, "Kadestraat 1", latitudeOffset: 0.0501);
        await app.NewSpotAsync(officer, "Kadestraat 3", latitudeOffset: 0.0502, status: SpotStatus.Retired);
        var box = new MapBounds(5.89, 52.035, 5.91, 52.045);

        var all = await WithSpotsAsync(s => s.PinsAsync(officer, box, 10));
        var first = await WithSpotsAsync(s => s.PinsAsync(officer, box, 1));
        var home = await WithSpotsAsync(s => s.HomeAsync(officer));

        Assert.Equal(["Kadestraat 1", "Kadestraat 2"], all.Pins.Select(p => p.Address));
        Assert.Equal(2, all.Total);
        Assert.Equal(["Kadestraat 1"], first.Pins.Select(p => p.Address));
        Assert.Equal(2, first.Total);
        // The demo municipality has its boundary: the map opens around Arnhem.
        Assert.NotNull(home);
        Assert.InRange(5.90, home.Value.West, home.Value.East);
        Assert.InRange(51.99, home.Value.South, home.Value.North);
    }

    [Fact]
    public async Task OfficerOfAnotherMunicipality_CannotSeeFindOrChangeTheSpot()
    {
        var arnhem = await OfficerAsync();
        var id = await app.NewSpotAsync(arnhem, "Alleen Arnhem", latitudeOffset: 0.004);
        await CreateOfficerOfUtrechtAsync("utrecht@ambtenaar.example");
        var utrecht = await app.PrincipalOfAsync("utrecht@ambtenaar.example");
        using var client = await app.LogInAsAsync("utrecht@ambtenaar.example");

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/beheer/plekken/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/beheer/plekken/{id}/bewerken")).StatusCode);
        Assert.Null(await WithSpotsAsync(s => s.FindAsync(utrecht, id)));
        Assert.Null(await WithSpotsAsync(s => s.MoveAsync(utrecht, id, 52.09, 5.12, null, acceptWarnings: true)));
        Assert.Null(await WithSpotsAsync(s => s.SaveAsync(utrecht, id, Form(52.09, 5.12))));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithSpotsAsync(s => s.ChangeStatusAsync(utrecht, id, SpotStatus.Retired, "weg")));
        var intoArnhem = Form(51.99, 5.9);
        intoArnhem.MunicipalityId = await ArnhemAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithSpotsAsync(s => s.SaveNewAsync(utrecht, intoArnhem)));
        Assert.Empty((await WithSpotsAsync(s => s.ListAsync(utrecht, GridQuery.Default with { Search = "Alleen Arnhem" }, null))).Items);
        Assert.Empty((await WithSpotsAsync(s => s.PinsAsync(utrecht, new MapBounds(5.8, 51.9, 6.0, 52.1), 100))).Pins);
        Assert.Single((await WithSpotsAsync(s => s.ListAsync(arnhem, GridQuery.Default with { Search = "Alleen Arnhem" }, null))).Items);
        Assert.Equal(SpotStatus.Candidate, await app.StatusOfAsync(id));
    }

    [Fact]
    public async Task ThePagesOpenForTheOfficer_TheFormerEditPageOpensTheDialog_AndOtherRolesAreRefused()
    {
        var id = await app.NewSpotAsync(await OfficerAsync(), "Prerenderplein 1", latitudeOffset: 0.006);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (detail, page) = await officer.GetPageAsync($"/beheer/plekken/{id}");
        var edit = await officer.Http.GetAsync($"/beheer/plekken/{id}/bewerken");

        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal("Prerenderplein 1", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Kandidaat", page.QuerySelector("[data-testid=spot-status]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/beheer/plekken/{id}?bewerken=1", edit.RedirectPath());
        foreach (var path in new[] { "/beheer/plekken/kaart", "/beheer/plekken/nieuw", "/beheer/plekken/importeren", "/beheer/laadpunten/importeren" })
            Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync(path)).StatusCode);

        foreach (var account in new[] { DemoAccounts.Resident, DemoAccounts.Cpo })
        {
            using var client = await app.LogInAsAsync(account);
            foreach (var path in new[] { "/beheer/plekken", "/beheer/plekken/kaart", "/beheer/plekken/nieuw", $"/beheer/plekken/{id}", "/beheer/plekken/importeren", "/beheer/laadpunten/importeren" })
                Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(path)).StatusCode);
        }
    }

    private async Task<int> CountAsync(string address)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Spots.CountAsync(s => s.Address == address);
    }

    private async Task<Guid> ArnhemAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Municipalities.Where(m => m.Name == "Arnhem").Select(m => m.Id).SingleAsync();
    }

    private async Task<(double Latitude, double Longitude)> AChargeLocationAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var location = await db.ChargeLocations.AsNoTracking().OrderBy(l => l.SourceId).FirstAsync();
        return (location.Latitude, location.Longitude);
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
