using Bunit;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Geography;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Integration.Documents;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

public sealed class RoleAccessTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    // The one page of each role that no other role may open.
    private static readonly Dictionary<string, string> PageOfRole = new()
    {
        [DemoAccounts.Resident] = "/mijn-gegevens",
        [DemoAccounts.Officer] = "/beheer",
        [DemoAccounts.Cpo] = "/cpo",
        [DemoAccounts.Admin] = "/admin/gebruikers",
    };

    public static TheoryData<string> RolePages => new(PageOfRole.Values.Concat(["/admin/gemeenten", "/admin/operators", "/admin/ocpi", "/admin/gebruikers/nieuw", "/account", "/mijn-gegevens/download", "/beheer/gebruik", "/cpo/gebruik", "/beheer/audits", "/cpo/audits", "/beheer/slim-laden", "/cpo/slim-laden"]));

    public static TheoryData<string> Accounts => new(PageOfRole.Keys);

    // Every route that takes an id, by who may open it. {id} is the application, spot, charge point,
    // user, municipality or connection; {document} a file of the application, {evse} an EVSE of the
    // charge point; {decision} each of the four decisions. Each is tried with someone else's id (where
    // there is someone else) and a random one.
    private static readonly string[] ResidentRoutesWithAnId =
    [
        "/aanvragen/{id}", "/aanvragen/{id}/stap/adres", "/aanvragen/{id}/stap/auto", "/aanvragen/{id}/stap/bewijs",
        "/aanvragen/{id}/stap/verklaringen", "/aanvragen/{id}/stap/toestemming", "/aanvragen/{id}/controleren",
        "/aanvragen/{id}/intrekken", "/aanvragen/{id}/verwijderen", "/aanvragen/{id}/documenten/{document}",
    ];

    private static readonly string[] OfficerApplicationRoutesWithAnId =
    [
        "/beheer/aanvragen/{id}", "/beheer/aanvragen/{id}/besluit/{decision}", "/aanvragen/{id}/documenten/{document}",
    ];

    private static readonly string[] OfficerSpotRoutesWithAnId = ["/beheer/plekken/{id}", "/beheer/plekken/{id}/bewerken"];

    private static readonly string[] OfficerChargePointRoutesWithAnId = ["/laadpunten/{id}/evse/{evse}/status", "/beheer/laadpunten/{id}"];

    private static readonly string[] AdminRoutesWithAnId = ["/admin/gebruikers/{id}", "/admin/gemeenten/{id}", "/admin/ocpi/{id}", "/admin/ocpi/{id}/intrekken"];

    // The fault confirmation answers only with the reference of a report on that location (ReportingFaultsTests).
    private static readonly string[] PublicRoutesWithAnId = ["/laadpunten/{id}", "/laadpunten/{id}/storing-gemeld"];

    // A file of an objection, tried with another municipality's officer and a random id in ObjectingToATrafficOrderTests.
    private static readonly string[] OfficerObjectionRoutesWithAnId = ["/beheer/bezwaren/{id}/documenten/{document}"];
    private static readonly string[] OfficerContractRoutesWithAnId =
        ["/beheer/contracten/{id}", "/beheer/contracten/{id}/naleving.csv", "/beheer/contracten/{id}/naleving.pdf"];

    // A file of evidence or a contract document: tried with random ids here; GivingEvidenceTests and
    // DownloadingContractDocumentsTests try them as another operator and municipality.
    private static readonly string[] OfficerEvidenceRoutesWithAnId = ["/beheer/contracten/{id}/bewijs/{document}", "/beheer/contracten/{id}/documenten/{document}"];

    private static readonly string[] OfficerInstallationRoutesWithAnId = ["/beheer/installaties/{id}"];

    // An exclusion claim and its photos: tried with random ids here; KeepingTheExclusionLedgerTests tries them as another operator.
    private static readonly string[] ExclusionRoutesWithAnId = ["/beheer/uitsluitingen/{id}", "/beheer/uitsluitingen/{id}/fotos/{document}"];
    // A finding (by its number) and its answer's attachment: tried with random numbers here; RespondingToFindingsTests
    // tries them as another operator's CPO user, another municipality's officer and a resident.
    private static readonly string[] FindingRoutesWithAnId = ["/beheer/bevindingen/{id}", "/cpo/bevindingen/{id}", "/beheer/bevindingen/{id}/bijlage"];
    // An operator's data quality: tried with another operator's CPO user and random ids in DataQualityPerCpoTests.
    private static readonly string[] DataQualityRoutesWithAnId = ["/beheer/datakwaliteit/{id}", "/beheer/datakwaliteit/{id}/evses.csv"];
    // An audit run and its CSV: the officers' with random ids here; RunningAMonthlyAuditTests tries both as another
    // operator's CPO user, a resident and with random ids.
    private static readonly string[] OfficerAuditRoutesWithAnId =
        ["/beheer/audits/{id}", "/beheer/audits/{id}/rapport.pdf", "/beheer/audits/{id}/evses.csv", "/beheer/audits/{id}/ev-chart-uptime.csv", "/beheer/audits/{id}/ev-chart-outages.csv"];
    private static readonly string[] CpoAuditRoutesWithAnId =
        ["/cpo/audits/{id}", "/cpo/audits/{id}/rapport.pdf", "/cpo/audits/{id}/evses.csv", "/cpo/audits/{id}/ev-chart-uptime.csv", "/cpo/audits/{id}/ev-chart-outages.csv"];

    // A photo or document of an installation step: tried with random ids here; DownloadingInstallationAttachmentsTests
    // tries it as another operator and municipality.
    private static readonly string[] OfficerInstallationFileRoutesWithAnId = ["/beheer/installaties/{id}/bijlagen/{document}"];

    // A sample of field checks, its checklists ({position}: the first location) and its CSV; its photos are tried with
    // random ids here and as another municipality in DrawingAndFillingInFieldChecksTests.
    private static readonly string[] OfficerFieldCheckRoutesWithAnId =
        ["/beheer/veldcontroles/{id}", "/beheer/veldcontroles/{id}/locaties/{position}", "/beheer/veldcontroles/{id}/resultaten.csv"];

    private static readonly string[] OfficerFieldCheckFileRoutesWithAnId = ["/beheer/veldcontroles/{id}/fotos/{document}"];

    // A smart-charging test run (the demo's): tried with another municipality's officer and random ids here; with another
    // operator's CPO user in TestingSmartChargingAgainstTheSimulatedCpoTests.
    private static readonly string[] SmartChargingRoutesWithAnId = ["/beheer/slim-laden/{id}"];

    private static readonly string[] OfficerTrafficOrderRoutesWithAnId =
    [
        "/beheer/verkeersbesluiten/{id}", "/beheer/verkeersbesluiten/{id}/publicatie.pdf", "/beheer/verkeersbesluiten/{id}/publicatie.html",
        "/beheer/verkeersbesluiten/{id}/publicatie.json", "/beheer/verkeersbesluiten/{id}/publicatie.zip",
        "/beheer/verkeersbesluiten/{id}/borden.csv", "/beheer/verkeersbesluiten/{id}/borden.geojson",
    ];

    // Routes whose parameter is not the id of something a user owns: partners' OCPI routes (token-checked,
    // tested under Ocpi), the simulated CPO, the language switch and the status-code pages.
    // "/admin/jobs/": Hangfire's dashboard takes a path, not an id of ours (who may open it: JobsDashboardTests).
    // "/verkeersbesluiten/": a published order's public page and form, by its public reference (ObjectingToATrafficOrderTests).
    // "/beheer/eisen/": a requirement of the catalogue, public knowledge, by set and code (who may open it: CataloguePageTests).
    private static readonly string[] NotOwnedPrefixes = ["/ocpi/", "/demo-cpo/", "/taal/", "/status/", "/admin/jobs/", "/verkeersbesluiten/", "/beheer/eisen/"];

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task AnonymousVisitor_IsSentToTheLoginPage(string path)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/inloggen?", response.RedirectPath(), StringComparison.Ordinal);
        Assert.Contains($"ReturnUrl={Uri.EscapeDataString(path)}", response.RedirectPath(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EachRole_OpensItsOwnPage_AndGets403OnTheOthers(string account)
    {
        using var client = await app.LogInAsAsync(account);

        foreach (var (owner, path) in PageOfRole)
        {
            var (response, page) = await client.GetPageAsync(path);
            if (owner == account)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("Geen toegang", page.QuerySelector("h1")?.TextContent);
            }
        }

        var (accountResponse, accountPage) = await client.GetPageAsync("/account");
        Assert.Equal(HttpStatusCode.OK, accountResponse.StatusCode);
        Assert.Contains(account, accountPage.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Resident, "/mijn-gegevens")]
    [InlineData(DemoAccounts.Officer, "/beheer")]
    [InlineData(DemoAccounts.Cpo, "/cpo")]
    [InlineData(DemoAccounts.Admin, "/admin/gebruikers", "/admin/gemeenten", "/admin/operators", "/admin/ocpi")]
    public async Task EachRole_SeesItsOwnNavigation_AndNotTheOthers(string account, params string[] own)
    {
        using var client = await app.LogInAsAsync(account);

        var (_, page) = await client.GetPageAsync("/");
        var links = page.QuerySelectorAll("nav.portal-nav a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/", links);
        Assert.Contains("/laadpunten", links);
        Assert.Contains("/account", links);
        foreach (var path in own)
            Assert.Contains(path, links);
        foreach (var path in PageOfRole.Values.Concat(["/admin/gemeenten", "/admin/operators", "/admin/ocpi"]).Except(own))
            Assert.DoesNotContain(path, links);
    }

    [Fact]
    public async Task AnonymousVisitor_SeesPublicNavigationOnly()
    {
        using var client = app.CreateClient();

        var (_, page) = await client.GetPageAsync("/");
        var links = page.QuerySelectorAll("nav.portal-nav a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/", "/kaart", "/laadpunten", "/over"], links);
    }

    [Fact]
    public async Task OfficerDashboard_ShowsOnlyTheOfficersMunicipality()
    {
        await OfficerTestData.MunicipalityAsync(app, "GM0275", "Heumen");
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);

        // The overview reads its figures on the circuit, so it is rendered as the circuit would.
        var page = context.Render<Portal.Features.Officers.OfficerDashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(["Arnhem (GM0202)"], page.FindAll("section h2").Select(h => h.TextContent.Trim())), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ResidentDataDownload_HoldsTheirOwnAccountOnly()
    {
        using var client = await app.LogInAsAsync(DemoAccounts.Resident);

        var json = await client.Http.GetStringAsync("/mijn-gegevens/download");

        Assert.Contains(DemoAccounts.Resident, json, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Officer, json, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRouteWithAnId_IsTriedWithForeignAndRandomIds()
    {
        var tried = ResidentRoutesWithAnId.Concat(OfficerApplicationRoutesWithAnId).Concat(OfficerSpotRoutesWithAnId)
            .Concat(OfficerChargePointRoutesWithAnId).Concat(AdminRoutesWithAnId).Concat(PublicRoutesWithAnId)
            .Concat(OfficerObjectionRoutesWithAnId).Concat(OfficerTrafficOrderRoutesWithAnId).Concat(OfficerContractRoutesWithAnId).Concat(OfficerEvidenceRoutesWithAnId)
            .Concat(OfficerInstallationRoutesWithAnId).Concat(OfficerInstallationFileRoutesWithAnId).Concat(ExclusionRoutesWithAnId).Concat(DataQualityRoutesWithAnId)
            .Concat(OfficerFieldCheckRoutesWithAnId).Concat(OfficerFieldCheckFileRoutesWithAnId).Concat(OfficerAuditRoutesWithAnId).Concat(CpoAuditRoutesWithAnId).Concat(FindingRoutesWithAnId).Concat(SmartChargingRoutesWithAnId).Select(Shape).ToHashSet(StringComparer.Ordinal);

        var routes = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !NotOwnedPrefixes.Any(prefix => route.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct()
            .ToList();

        Assert.Contains("/aanvragen/{Id:guid}/stap/adres", routes);
        Assert.Contains("/aanvragen/{id:guid}/documenten/{documentId:guid}", routes);
        Assert.All(routes, route => Assert.Contains(Shape(route), tried));
    }

    [Fact]
    public async Task AResident_GetsNotFound_ForAnotherResidentsApplication_AndForARandomId_OnEveryRouteWithAnId()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var owner = await OfficerTestData.ResidentAsync(app, "eigenaar@role-access.test");
        var submitted = await OfficerTestData.SubmitAsync(app, owner, arnhem, "Centrum", DateTime.UtcNow.AddHours(-2), houseNumber: 3, documentKey: await StoredProofAsync());
        var draft = await OfficerTestData.DraftAsync(app, owner, arnhem);
        var document = Assert.Single(submitted.Documents).Id;
        using var ownerClient = await app.LogInAsAsync("eigenaar@role-access.test");
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);

        var failures = new List<string>();
        foreach (var route in ResidentRoutesWithAnId)
        {
            // The file belongs to the submitted application only.
            var ids = route.Contains("{document}", StringComparison.Ordinal) ? new[] { submitted.Id } : new[] { submitted.Id, draft.Id };
            foreach (var id in ids)
            {
                foreach (var url in Urls(route, id, document))
                {
                    await ExpectAsync(ownerClient, url, status => status != HttpStatusCode.NotFound, "not 404 for the owner", failures);
                    await ExpectAsync(resident, url, status => status == HttpStatusCode.NotFound, "404 for another resident", failures);
                }
            }
            foreach (var url in Urls(route, Guid.NewGuid(), Guid.NewGuid()))
                await ExpectAsync(resident, url, status => status == HttpStatusCode.NotFound, "404 for a random id", failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task AnOfficer_GetsNotFound_ForAnotherMunicipalitysApplicationsSpotsChargePointsAndTrafficOrders_AndForRandomIds()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        var resident = await OfficerTestData.ResidentAsync(app, "aanvrager@role-access.test");
        var application = await OfficerTestData.SubmitAsync(app, resident, arnhem, "Centrum", DateTime.UtcNow.AddHours(-2), houseNumber: 5, documentKey: await StoredProofAsync());
        var document = Assert.Single(application.Documents).Id;
        var spot = await OfficerTestData.ReadAsync(app, async db =>
        {
            var created = Spot.Create(arnhem, Coordinate.FromWgs84(OfficerTestData.ParkLatitude, OfficerTestData.ParkLongitude),
                new SpotDetails("Plek voor de toegangstest", 2, SpotSetUp.OnPavement, null, null, null, null), new SpotActor("test", "Test"), DateTime.UtcNow);
            db.Spots.Add(created);
            await db.SaveChangesAsync();
            return created.Id;
        });
        var evse = await OfficerTestData.ReadAsync(app, db => db.Evses.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.LocationId, e.Uid }).FirstAsync());
        var orderedSpot = await OfficerTestData.ReadAsync(app, async db =>
        {
            var created = Spot.Create(arnhem, Coordinate.FromWgs84(OfficerTestData.ParkLatitude + 0.001, OfficerTestData.ParkLongitude),
                new SpotDetails("Plek in een verkeersbesluit", 2, SpotSetUp.OnPavement, null, null, null, null), new SpotActor("test", "Test"), DateTime.UtcNow);
            created.ChangeStatus(SpotStatus.Approved, new SpotActor("test", "Test"), DateTime.UtcNow, null);
            db.Spots.Add(created);
            await db.SaveChangesAsync();
            return created.Id;
        });
        var order = await TrafficOrders.TrafficOrderTestData.DraftOrderAsync(app, await app.PrincipalOfAsync(DemoAccounts.Officer), arnhem, "Toegangstest", orderedSpot);
        var contract = await Contracts.ContractTestSetup.RegionalConcessionAsync(app, "TOEGANG-1");
        var operatorId = await Contracts.ContractTestSetup.DemoOperatorAsync(app);
        var installation = await OfficerTestData.ReadAsync(app, async db =>
        {
            var opened = InstallationCase.Open(arnhem, "IN-TOEGANG-1", InstallationCaseKind.NewChargePoint, spot, operatorId, null, new InstallationActor("test", "Test"), DateTime.UtcNow);
            db.InstallationCases.Add(opened);
            await db.SaveChangesAsync();
            return opened.Id;
        });
        var sample = await FieldChecks.FieldCheckTestData.DrawAsync(app, 11, 2);
        var smartChargingRun = await OfficerTestData.ReadAsync(app, db => db.SmartChargingTestRuns.Select(r => r.Id).FirstAsync());
        var utrecht = await OfficerTestData.MunicipalityAsync(app, "GM0344", "Utrecht");
        await OfficerTestData.UserAsync(app, "ute@role-access.test", "Ute Utrecht", PortalRoles.Officer, utrecht);
        using var own = await app.LogInAsAsync(DemoAccounts.Officer);
        using var other = await app.LogInAsAsync("ute@role-access.test");

        var foreignUrls = OfficerApplicationRoutesWithAnId.SelectMany(r => Urls(r, application.Id, document))
            .Concat(OfficerSpotRoutesWithAnId.SelectMany(r => Urls(r, spot)))
            .Concat(OfficerChargePointRoutesWithAnId.SelectMany(r => Urls(r, evse.LocationId, evse: evse.Uid)))
            .Concat(OfficerTrafficOrderRoutesWithAnId.SelectMany(r => Urls(r, order)))
            .Concat(OfficerContractRoutesWithAnId.SelectMany(r => Urls(r, contract)))
            .Concat(OfficerInstallationRoutesWithAnId.SelectMany(r => Urls(r, installation)))
            .Concat(OfficerFieldCheckRoutesWithAnId.SelectMany(r => Urls(r, sample)))
            .Concat(SmartChargingRoutesWithAnId.SelectMany(r => Urls(r, smartChargingRun)));
        var randomUrls = OfficerApplicationRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid(), Guid.NewGuid()))
            .Concat(OfficerSpotRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            .Concat(OfficerChargePointRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid(), evse: evse.Uid)))
            .Concat(OfficerTrafficOrderRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            .Concat(OfficerContractRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            .Concat(OfficerEvidenceRoutesWithAnId.SelectMany(r => Urls(r, contract, Guid.NewGuid())))
            .Concat(OfficerEvidenceRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid(), Guid.NewGuid())))
            .Concat(OfficerInstallationRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            .Concat(OfficerInstallationFileRoutesWithAnId.SelectMany(r => Urls(r, installation, Guid.NewGuid())))
            .Concat(OfficerInstallationFileRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid(), Guid.NewGuid())))
            .Concat(ExclusionRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid(), Guid.NewGuid())))
            .Concat(OfficerAuditRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            .Concat(OfficerFieldCheckRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            .Concat(SmartChargingRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            .Concat(OfficerFieldCheckFileRoutesWithAnId.SelectMany(r => Urls(r, sample, Guid.NewGuid())))
            .Concat(OfficerFieldCheckFileRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid(), Guid.NewGuid())))
            .Concat(FindingRoutesWithAnId.Select(r => r.Replace("{id}", Random.Shared.NextInt64(1_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var failures = new List<string>();
        foreach (var url in foreignUrls)
        {
            await ExpectAsync(own, url, status => status != HttpStatusCode.NotFound, "not 404 for an officer of the municipality", failures);
            await ExpectAsync(other, url, status => status == HttpStatusCode.NotFound, "404 for an officer of another municipality", failures);
        }
        foreach (var url in randomUrls)
            await ExpectAsync(own, url, status => status == HttpStatusCode.NotFound, "404 for a random id", failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task AnAdministrator_AndAnonymousVisitors_GetNotFound_ForRandomIds()
    {
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        using var anonymous = app.CreateClient();

        var failures = new List<string>();
        foreach (var url in AdminRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            await ExpectAsync(admin, url, status => status == HttpStatusCode.NotFound, "404 for a random id", failures);
        foreach (var url in PublicRoutesWithAnId.SelectMany(r => Urls(r, Guid.NewGuid())))
            await ExpectAsync(anonymous, url, status => status == HttpStatusCode.NotFound, "404 for a random id", failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    // A proof file in the document store, so that its download can be found by those who may.
    private async Task<string> StoredProofAsync()
    {
        using var pdf = new MemoryStream(ApplyFlow.Pdf);
        return (await app.App.Services.GetRequiredService<DocumentStore>().SaveAsync(pdf, 1_000_000)).Key;
    }

    private static IEnumerable<string> Urls(string route, Guid id, Guid? document = null, string evse = "")
    {
        var url = route.Replace("{id}", id.ToString(), StringComparison.Ordinal)
            .Replace("{document}", (document ?? Guid.Empty).ToString(), StringComparison.Ordinal)
            .Replace("{evse}", Uri.EscapeDataString(evse), StringComparison.Ordinal)
            .Replace("{position}", "1", StringComparison.Ordinal);
        return url.Contains("{decision}", StringComparison.Ordinal)
            ? new[] { "goedkeuren", "verwijzen", "afwijzen", "informatie" }.Select(d => url.Replace("{decision}", d, StringComparison.Ordinal))
            : [url];
    }

    // "/beheer/aanvragen/{Id:guid}/besluit/{Slug}" and "/beheer/aanvragen/{id}/besluit/{decision}" both become "/beheer/aanvragen/{}/besluit/{}".
    private static string Shape(string route) =>
        string.Join('/', route.Split('/').Select(segment => segment.StartsWith('{') ? "{}" : segment));

    private static async Task ExpectAsync(PortalClient client, string url, Func<HttpStatusCode, bool> expected, string what, List<string> failures)
    {
        var response = await client.Http.GetAsync(url);
        if (!expected(response.StatusCode))
            failures.Add($"{url}: {(int)response.StatusCode}, expected {what}");
    }
}
