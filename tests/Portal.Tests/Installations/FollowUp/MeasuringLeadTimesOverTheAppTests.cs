using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Installations;
using Bunit;
using Portal.Features.Installations;
using Portal.Features.Installations.LeadTimes;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Installations.FollowUp.FollowUpTestData;

namespace Portal.Tests.Installations.FollowUp;

/// <summary>The portal with a clock the test moves: cases opened on one day, their steps reported weeks later.</summary>
public sealed class LeadTimesApp : PortalAppFactory
{
    public FakeClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Lead-time figures over the real app, on three hand-made cases, as the CSV an officer downloads.</summary>
public sealed class MeasuringLeadTimesOverTheAppTests(LeadTimesApp app) : IClassFixture<LeadTimesApp>
{
    private const string Cpo = "planner@laadnet-doorloop.example";

    [Fact]
    public async Task TheCsv_HasTheMedianAndP90PerStep_AndTheShareWithinTheAcmNorm_AndSaysNoTermForCasesWithoutOne()
    {
        var cpo = await OperatorAsync(app, "Laadnet Doorloop", "NL*LDD", Cpo);
        var a = await AcceptedCaseAsync(app, await ReadySpotAsync(app, "Doorloopweg 1", 0.0401), cpo, Cpo);
        var b = await AcceptedCaseAsync(app, await ReadySpotAsync(app, "Doorloopweg 3", 0.0402), cpo, Cpo);
        var c = await AcceptedCaseAsync(app, await ReadySpotAsync(app, "Doorloopweg 5", 0.0403), cpo, Cpo);
        var opened = app.Today();
        app.Clock.Advance(TimeSpan.FromDays(200));
        var day = (int n) => opened.AddDays(n);

        // Accepted on days 2, 4 and 9 after opening (reported again: the correction counts).
        await Report(a, InstallationStep.AcceptedByCpo, day(2));
        await Report(b, InstallationStep.AcceptedByCpo, day(4));
        await Report(c, InstallationStep.AcceptedByCpo, day(9));
        // Grid connections requested on days 10, 10 and 20: a new one due 126 days later, met (day 100 <= 136);
        // a change due 84 days later, missed (day 120 > 94); a new one due on day 146, still open on day 200: missed.
        await Grid(a, GridConnectionKind.NewOrWithGroundwork, day(10), day(100));
        await Grid(b, GridConnectionKind.ChangeWithoutGroundwork, day(10), day(120));
        await Grid(c, GridConnectionKind.NewOrWithGroundwork, day(20), null);

        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var response = await officer.Http.GetAsync(new Uri("/beheer/installaties/doorlooptijden.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("operator;step;cases_reached;median_days;p90_days;grid_within_norm;grid_decided;finished_in_term;finished_decided", lines[0]);
        // Accepted: days 2, 4, 9. Median 4. P90: h = (3 - 1) * 0.9 = 1.8, so 4 + 0.8 * (9 - 4) = 8.
        Assert.Contains("Laadnet Doorloop;AcceptedByCpo;3;4;8;1;3;;", lines);
        // Requested: days 10, 10, 20. Median 10. P90: 10 + 0.8 * (20 - 10) = 18.
        Assert.Contains("Laadnet Doorloop;GridConnectionRequested;3;10;18;1;3;;", lines);
        // Nobody informed the neighbours: no days. No contract term: the last two columns stay empty.
        Assert.Contains("Laadnet Doorloop;NeighboursInformed;0;;;1;3;;", lines);
        // All CPOs together ("*", the demo operator's cases among them) reach each step as often as the CPOs one by one.
        var acceptedRows = lines.Where(l => l.Split(';') is [_, "AcceptedByCpo", ..]).Select(l => l.Split(';')).ToList();
        Assert.Equal(acceptedRows.Where(a => a[0] != "*").Sum(a => int.Parse(a[2], System.Globalization.CultureInfo.InvariantCulture)),
            int.Parse(Assert.Single(acceptedRows, a => a[0] == "*")[2], System.Globalization.CultureInfo.InvariantCulture));

        // The page shows the same numbers in its tables, beside the charts.
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        context.RenderProviders();
        var page = context.Render<LeadTimesPage>();
        page.WaitForElement($"[data-testid=lead-times-{cpo}]", TimeSpan.FromSeconds(30));
        var accepted = page.FindAll($"[data-testid=lead-times-{cpo}] tbody tr")[0].TextContent;
        Assert.Contains("Geaccepteerd door de CPO", accepted, StringComparison.Ordinal);
        Assert.Equal(["3", "4", "8"], page.FindAll($"[data-testid=lead-times-{cpo}] tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var shares = page.Find("[data-testid=lead-time-shares] tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("3", shares[0]);
        Assert.StartsWith("1 van 3 (33", shares[1], StringComparison.Ordinal);
        Assert.Equal("geen termijn", shares[2]);
        // The demo contract sets a 26-week term, and its cases are past it: the page does not say that no contract has one.
        Assert.Empty(page.FindAll("[data-testid=no-term]"));
    }

    [Fact]
    public async Task OnlyOfficersAndAdministrators_GetTheCsv()
    {
        using var cpoUser = await app.LogInAsAsync(DemoAccounts.Cpo);
        using var anonymous = app.CreateClient();
        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);

        var asCpo = await cpoUser.Http.GetAsync(new Uri("/beheer/installaties/doorlooptijden.csv", UriKind.Relative));
        var asNobody = await anonymous.Http.GetAsync(new Uri("/beheer/installaties/doorlooptijden.csv", UriKind.Relative));
        var asAdmin = await admin.Http.GetAsync(new Uri("/beheer/installaties/doorlooptijden.csv", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, asCpo.StatusCode);
        Assert.NotEqual("text/csv", asCpo.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, asNobody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal("text/csv", asAdmin.Content.Headers.ContentType?.MediaType);
    }

    private async Task Report(Guid id, InstallationStep step, DateOnly on) =>
        Assert.Null((await app.AsAsync<InstallationService, InstallationStepResult>(Cpo, (s, u) => s.ReportAsync(u, id, step, on, null))).Problem);

    private async Task Grid(Guid id, GridConnectionKind kind, DateOnly requested, DateOnly? connected)
    {
        Assert.Null((await app.AsAsync<InstallationService, InstallationStepResult>(Cpo, (s, u) => s.RequestGridConnectionAsync(u, id, "Liander", null, kind, requested, null))).Problem);
        if (connected is { } on)
            Assert.Null((await app.AsAsync<InstallationService, InstallationStepResult>(Cpo, (s, u) => s.RecordGridConnectedAsync(u, id, on))).Problem);
    }
}
