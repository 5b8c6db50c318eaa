using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Integration.Ocpi.Connections;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Ocpi;

/// <summary>The admin pages for connections the portal pulls from, and the EVSE status history page.</summary>
public sealed class ManagingCpoConnectionsTests(OcpiPullAppFactory app) : IClassFixture<OcpiPullAppFactory>
{
    private static readonly DateTime March = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AdminRegistersWithACpo_PullsNow_SeesTheRun_AndUnregisters()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD1");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "AD1-1", March, evses: 2));
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, list) = await admin.GetPageAsync("/admin/ocpi");

        var registered = await admin.SubmitAsync(list, "register-with-cpo", new Dictionary<string, string>
        {
            ["Register.VersionsUrl"] = cpo.VersionsUrl, ["Register.TokenA"] = cpo.TokenA,
            ["Register.CountryCode"] = "NL", ["Register.PartyId"] = "AD1", ["Register.Name"] = "Admin-CPO",
        });
        var (_, detail) = await admin.FollowAsync(registered);

        Assert.Equal("Het portaal is bij de CPO aangemeld.", detail.QuerySelector("[data-testid=done]")!.TextContent);
        Assert.Equal("Verbonden", detail.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Contains($"{cpo.BaseUrl}/cpo/v221/sender/locs", detail.QuerySelector("[data-testid=modules]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("http://localhost/ocpi/versions", cpo.PortalVersionsUrl);

        var pulled = await admin.SubmitAsync(detail, "pull-now", new Dictionary<string, string> { ["PullForm.Module"] = "Locations", ["PullForm.Mode"] = "Full" });
        var (_, started) = await admin.FollowAsync(pulled);

        Assert.StartsWith("Ophalen is gestart.", started.QuerySelector("[data-testid=done]")!.TextContent, StringComparison.Ordinal);
        // The pull runs as a job outside the request: wait for its run to finish, then look again.
        var pulledFrom = ConnectionOf(started);
        await WaitUntilAsync(() => app.QueryAsync(db => db.OcpiPullRuns.AnyAsync(r => r.ConnectionId == pulledFrom && r.FinishedAtUtc != null)));
        var (_, afterPull) = await admin.GetPageAsync(pulled.Headers.Location!.OriginalString);
        Assert.Equal("Gelukt", afterPull.QuerySelector("[data-testid=runs] [data-testid=outcome]")!.TextContent);
        Assert.NotEqual("Nooit", afterPull.QuerySelector("[data-testid=modules] tbody tr [data-testid=last-success]")!.TextContent);
        Assert.Equal(2, await app.QueryAsync(db => db.EvseStatusEvents.CountAsync(e => e.LocationSourceId == "NL*AD1*AD1-1")));

        var tested = await admin.SubmitAsync(afterPull, "test-connection", new Dictionary<string, string>());
        Assert.Equal("De CPO is bereikt en de endpoints zijn opgehaald.", (await admin.FollowAsync(tested)).Document.QuerySelector("[data-testid=done]")!.TextContent);

        var connectionId = await app.QueryAsync(db => db.OcpiConnections.Where(c => c.PartyId == "AD1").Select(c => c.Id).SingleAsync());
        var (_, confirm) = await admin.GetPageAsync($"/admin/ocpi/{connectionId}/intrekken");
        var revoked = await admin.SubmitAsync(confirm, "revoke-connection", new Dictionary<string, string>());
        var (_, afterRevoke) = await admin.FollowAsync(revoked);

        Assert.Contains("De verbinding is ingetrokken.", afterRevoke.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(cpo.Unregistered);
        Assert.Equal(OcpiConnectionStatus.Revoked, await app.QueryAsync(db => db.OcpiConnections.Where(c => c.Id == connectionId).Select(c => c.Status).SingleAsync()));
    }

    private static Guid ConnectionOf(AngleSharp.Dom.IDocument page) =>
        Guid.Parse(page.QuerySelector("a[href$='/intrekken']")!.GetAttribute("href")!.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Polls the database for what a background job does; fails after a generous limit rather than asserting a duration.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The pull did not finish in time.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task RegisteringWithAWrongTokenA_ShowsTheErrorAndItsRequestId()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD2");
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (_, list) = await admin.GetPageAsync("/admin/ocpi");

        var response = await admin.SubmitAsync(list, "register-with-cpo", new Dictionary<string, string>
        {
            ["Register.VersionsUrl"] = cpo.VersionsUrl, ["Register.TokenA"] = "wrong",
            ["Register.CountryCode"] = "NL", ["Register.PartyId"] = "AD2", ["Register.Name"] = "Fout",
        });
        var (_, page) = await admin.FollowAsync(response);

        var problem = page.QuerySelector("[data-testid=register-problem]")!.TextContent;
        Assert.Contains("401", problem, StringComparison.Ordinal);
        Assert.Contains(cpo.Requests.Single().RequestId, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionPages_AreForAdminsOnly()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD3");
        var connectionId = await app.ConnectAsync(cpo);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (response, _) = await officer.GetPageAsync($"/admin/ocpi/{connectionId}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EvseStatusHistory_ListsEveryObservationNewestFirst_ForOfficersAndAdmins()
    {
        await using var cpo = await FakeCpo.StartAsync(partyId: "AD4");
        cpo.Add("locations", OcpiPullAppFactory.Location(cpo, "AD4-1", March, evses: 1, status: "AVAILABLE"));
        var connectionId = await app.ConnectAsync(cpo);
        await app.PullAsync(connectionId, Integration.Ocpi.Pulling.OcpiModule.Locations);
        cpo.Replace("locations", _ => true, OcpiPullAppFactory.Location(cpo, "AD4-1", March.AddHours(1), evses: 1, status: "CHARGING"));
        await app.PullAsync(connectionId, Integration.Ocpi.Pulling.OcpiModule.Locations, Integration.Ocpi.Pulling.PullMode.Full);
        var locationId = await app.QueryAsync(db => db.ChargeLocations.Where(l => l.SourceId == "NL*AD4*AD4-1").Select(l => l.Id).SingleAsync());

        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, detail) = await officer.GetPageAsync($"/laadpunten/{locationId}");
        var link = detail.QuerySelector("[data-testid=status-history]")!.GetAttribute("href")!;
        var (response, _) = await officer.GetPageAsync(link);

        // The history is a grid on the back office's charge point page, loaded over the circuit (its bUnit
        // tests are in ChargePoints); here what the pulls recorded, through the page's own service.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"/beheer/laadpunten/{locationId}?evse=", link, StringComparison.Ordinal);
        var uid = Uri.UnescapeDataString(link[(link.IndexOf("evse=", StringComparison.Ordinal) + 5)..]);
        var rows = (await app.CallAsync(DemoAccounts.Officer, (Features.ChargePoints.BackOfficeChargePoints c, System.Security.Claims.ClaimsPrincipal u) =>
            c.HistoryAsync(u, locationId, uid, Components.BackOffice.GridQuery.Default)))!.Items;
        Assert.Equal(2, rows.Count);
        Assert.Equal("CHARGING", rows[0].Status);
        Assert.Equal(Integration.Ocpi.Receiving.EvseStatusSource.FullPull, rows[0].Source);
        Assert.Equal("AVAILABLE", rows[1].Status);
        Assert.Equal(Integration.Ocpi.Receiving.EvseStatusSource.IncrementalPull, rows[1].Source);

        using var visitor = app.CreateClient();
        var (_, publicDetail) = await visitor.GetPageAsync($"/laadpunten/{locationId}");
        Assert.Null(publicDetail.QuerySelector("[data-testid=status-history]"));
        var (anonymous, _) = await visitor.GetPageAsync(link);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        var (forResident, _) = await resident.GetPageAsync(link);
        Assert.NotEqual(HttpStatusCode.OK, forResident.StatusCode);
    }
}
