using Bunit;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Features.Assessment;
using Portal.Components.BackOffice;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Assessment;

public sealed class OfficerQueueTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // The queue's filters, search, sorting and paging are tested on its query (ListingTheQueueTests) and its
    // page with bUnit (QueuePageTests): over HTTP the interactive page is only prerendered, without rows.

    [Fact]
    public async Task OfficerOfAnotherMunicipality_GetsNotFound_OnDetailAndDecisionPages()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "private.resident@test.example");
        var application = await SubmitAsync(app, resident, arnhem, "Centrum", Now.AddDays(-1), houseNumber: 50);
        var utrecht = await MunicipalityAsync(app, "GM0344", "Utrecht");
        await UserAsync(app, "ute@utrecht.example", "Ute Utrecht", PortalRoles.Officer, utrecht);
        using var other = await app.LogInAsAsync("ute@utrecht.example");

        foreach (var url in new[] { "", "/besluit/goedkeuren", "/besluit/verwijzen", "/besluit/afwijzen", "/besluit/informatie" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/beheer/aanvragen/{application.Id}{url}")).StatusCode);
        var (queueResponse, _) = await other.GetPageAsync("/beheer/aanvragen?status=alle");
        Assert.Equal(HttpStatusCode.OK, queueResponse.StatusCode);
        var queue = await QueueAsync(app, "ute@utrecht.example", new QueueFilter(QueueFilter.AllStatuses));
        Assert.DoesNotContain(application.Reference, queue);

        using var resident2 = await app.LogInAsAsync("private.resident@test.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident2.Http.GetAsync($"/beheer/aanvragen/{application.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident2.Http.GetAsync("/beheer/aanvragen")).StatusCode);
    }

    [Fact]
    public async Task TheApplicationPage_IsPrerenderedWithTheApplication_AndTheOldDecisionAddressesOpenItsDialog()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "prerender.resident@test.example");
        var application = await SubmitAsync(app, resident, arnhem, "Centrum", Now.AddDays(-1), houseNumber: 61);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);

        var (response, page) = await officer.GetPageAsync($"/beheer/aanvragen/{application.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Aanvraag {application.Reference}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Ingediend", page.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Equal("Waarschijnlijk toekennen", page.QuerySelector("[data-testid=advice]")!.TextContent);
        Assert.NotNull(page.QuerySelector("script[src='_framework/blazor.web.js']"));
        Assert.Equal(4, page.QuerySelectorAll("[data-testid=decisions] [data-decision]").Length);
        foreach (var slug in new[] { "goedkeuren", "verwijzen", "afwijzen", "informatie" })
        {
            var old = await officer.Http.GetAsync($"/beheer/aanvragen/{application.Id}/besluit/{slug}");
            Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
            Assert.Equal($"/beheer/aanvragen/{application.Id}?besluit={slug}", old.RedirectPath());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync($"/beheer/aanvragen/{application.Id}/besluit/besluiten")).StatusCode);
    }

    [Fact]
    public async Task ApplicationsLayer_IsForOfficersOnly_AndShowsTheDemoApplications()
    {
        using var anonymous = app.CreateClient();
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        const string url = "/api/map/features?bbox=5.70,51.90,6.10,52.10&zoom=22&layers=aanvragen";

        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync(url)).StatusCode);
        var response = await officer.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var features = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").Clone()).ToList();

        var demo = await DemoApplicationsAsync();
        var onMap = demo.Where(a => a.IsOpen || a.Status == ApplicationStatus.ReferredToExistingPoint).ToList();
        Assert.True(features.Sum(f => f.GetProperty("count").GetInt32()) >= onMap.Count);
        var labels = features.Where(f => !f.GetProperty("cluster").GetBoolean()).Select(f => f.GetProperty("label").GetString()!).ToHashSet();
        Assert.Contains(onMap.First(a => a.Status == ApplicationStatus.ReferredToExistingPoint).Reference, labels);
        Assert.DoesNotContain(demo.First(a => a.Status == ApplicationStatus.Rejected).Reference, labels);
        Assert.Contains(features, f => f.TryGetProperty("kind", out var k) && k.GetString() == "referred");
        Assert.Contains(features, f => f.TryGetProperty("kind", out var k) && k.GetString() == "grouped");
        Assert.Contains(features, f => f.TryGetProperty("kind", out var k) && k.GetString() == "open");
        string[] allowed = ["layer", "cluster", "count", "clusterId", "id", "label", "kind", "link"];
        Assert.All(features, f => Assert.All(f.EnumerateObject(), p => Assert.Contains(p.Name, allowed)));
        Assert.All(features.Where(f => !f.GetProperty("cluster").GetBoolean()),
            f => Assert.Equal($"/beheer/aanvragen/{f.GetProperty("id").GetString()}", f.GetProperty("link").GetString()));
    }

    [Fact]
    public async Task DemoSeed_HasEveryStatus_AndTheOverviewCountsOpenAndOverdue()
    {
        var demo = await DemoApplicationsAsync();
        var demoResident = await ResidentAsync(app, DemoAccounts.Resident);

        Assert.InRange(demo.Count, 25, 35);
        Assert.All(Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft), s => Assert.Contains(demo, a => a.Status == s));
        var owned = demo.Where(a => a.ApplicantUserId == demoResident.UserId).ToList();
        Assert.InRange(owned.Count, 2, 3);
        Assert.True(owned.Select(a => a.Status).Distinct().Count() >= 2);
        Assert.Contains(demo, a => a.IsOpen && a.Deadline(DecisionDeadlineSettings.Default)!.IsOverdue(DateTime.UtcNow));
        Assert.Contains(demo, a => a.DeadlineExtendedAtUtc is not null);
        Assert.Equal(2, demo.Count(a => a.Findings.Any(f => f.Code == PreAssessmentFindingCode.DuplicateAddress)));
        Assert.True(demo.Count(a => a.Findings.Any(f => f.Code == PreAssessmentFindingCode.OpenApplicationsNearby)) >= 2);
        Assert.All(demo, a => Assert.True(a.History.Count >= 2));
        var approvedSpots = demo.Where(a => a.Status == ApplicationStatus.Approved).Select(a => a.SpotId!.Value).ToList();
        Assert.Equal(approvedSpots.Count, await ReadAsync(app, db => db.Spots.CountAsync(s => approvedSpots.Contains(s.Id))));

        await using (var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer))
        {
            var overview = context.Render<Portal.Features.Officers.OfficerDashboardPage>();
            overview.WaitForElement("[data-testid=open-applications]", TimeSpan.FromSeconds(30));
            var open = int.Parse(overview.Find("[data-testid=open-applications]").TextContent, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.CurrentCulture);
            var overdue = int.Parse(overview.Find("[data-testid=overdue-applications]").TextContent, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.CurrentCulture);
            Assert.True(open >= demo.Count(a => a.IsOpen));
            Assert.True(overdue >= 1);
        }
        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var (_, queue) = await officer.GetPageAsync("/beheer/aanvragen");
        Assert.Contains(queue.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/beheer/aanvragen" && a.TextContent == "Aanvragen");
        // The prerender is the frame only; the statistics come with the circuit (QueuePageTests).
        Assert.NotNull(queue.QuerySelector("[role=progressbar]"));
        Assert.Null(queue.QuerySelector("[data-testid=statistics]"));
    }

    /// <summary>The applications the demo seeder made: those of the demo residents.</summary>
    private async Task<List<Application>> DemoApplicationsAsync()
    {
        var emails = Portal.Features.Demo.DemoApplications.Residents.Select(r => r.Email.ToUpperInvariant()).Append(DemoAccounts.Resident.ToUpperInvariant()).ToList();
        return await ReadAsync(app, async db =>
        {
            var ids = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.Id).ToListAsync();
            return await db.Applications.AsNoTracking().Include(a => a.History).Include(a => a.InformationRequests)
                .Where(a => a.ApplicantUserId != null && ids.Contains(a.ApplicantUserId)).ToListAsync();
        });
    }

    /// <summary>The references on the first page of the officer's queue with this filter (100 rows).</summary>
    internal static async Task<List<string>> QueueAsync(PortalAppFactory app, string email, QueueFilter filter)
    {
        var officer = await PrincipalAsync(app, email);
        using var scope = app.App.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<QueueQueries>().PageAsync(officer, filter, GridQuery.Default with { PageSize = 100 });
        return result.Page.Items.Select(r => r.Reference).ToList();
    }
}
