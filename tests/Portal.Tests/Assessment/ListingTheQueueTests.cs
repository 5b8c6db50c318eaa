using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Features.Assessment;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Assessment;

/// <summary>
/// The queue's grid query: every filter, the quick search, each sort and the paging run in the
/// database, on the officer's own municipalities only; and the bulk actions behind it (assign to
/// a colleague, export as CSV). Each test works in a district of its own, so the demo applications
/// and the other tests' stay out of its expectations.
/// </summary>
public sealed class ListingTheQueueTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly ApplicationActor Colleague = new("colleague-id", "Chris Collega");

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<GridPage<QueueRow>> PageAsync(ClaimsPrincipal officer, QueueFilter filter, GridQuery? grid = null) =>
        (await WithAsync<QueueQueries, QueueResult>(q => q.PageAsync(officer, filter, grid ?? GridQuery.Default))).Page;

    private async Task<List<string>> ReferencesAsync(ClaimsPrincipal officer, QueueFilter filter, GridQuery? grid = null) =>
        (await PageAsync(officer, filter, grid)).Items.Select(r => r.Reference).ToList();

    private static GridQuery Sorted(string column, bool descending = false) => new(null, column, descending, 0, 25);

    [Fact]
    public async Task TheStatistics_CountEachDistrict_AndTakeTheMedianDaysToADecision_PerDistrict()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "statistics.resident@test.example");
        Task<Application> DecidedAsync(string district, int submittedDaysAgo, int decidedDaysAgo, int houseNumber) =>
            SubmitAsync(app, resident, arnhem, district, Now.AddDays(-submittedDaysAgo), houseNumber: houseNumber,
                prepare: a => a.Reject(Colleague, "Eigen oprit.", Now.AddDays(-decidedDaysAgo)));
        // West: decided after 10, 4 and 20 days; sorted 4, 10, 20, so the median is 10. One open, one withdrawn (no decision).
        await DecidedAsync("Statistiekwijk-West", 30, 20, 1);
        await DecidedAsync("Statistiekwijk-West", 24, 20, 2);
        await DecidedAsync("Statistiekwijk-West", 50, 30, 3);
        await SubmitAsync(app, resident, arnhem, "Statistiekwijk-West", Now.AddDays(-5), houseNumber: 4);
        await SubmitAsync(app, resident, arnhem, "Statistiekwijk-West", Now.AddDays(-9), houseNumber: 5,
            prepare: a => a.Withdraw(resident, "Verhuisd.", Now.AddDays(-8)));
        // East: decided after 3 and 8 days: the median of an even count is the mean of the middle two, 5.5.
        await DecidedAsync("Statistiekwijk-Oost", 13, 10, 6);
        await DecidedAsync("Statistiekwijk-Oost", 18, 10, 7);
        // North: nothing decided yet.
        await SubmitAsync(app, resident, arnhem, "Statistiekwijk-Noord", Now.AddDays(-2), houseNumber: 8);
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);

        var statistics = await WithAsync<QueueQueries, QueueStatistics>(q => q.StatisticsAsync(officer));

        var mine = statistics.ByDistrict.Where(d => d.District?.StartsWith("Statistiekwijk", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(
            [new DistrictCount("Statistiekwijk-West", 5, 3, 10.0), new DistrictCount("Statistiekwijk-Oost", 2, 2, 5.5), new DistrictCount("Statistiekwijk-Noord", 1, 0, null)],
            mine);
        Assert.True(statistics.Decided >= 5);
    }

    [Fact]
    public async Task EachFilter_NarrowsTheQueue_AndTheCountsPerStatusCoverAllTheOfficersApplications()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "filters.resident@test.example");
        var fresh = await SubmitAsync(app, resident, arnhem, "Filterwijk", Now.AddDays(-2));
        var overdue = await SubmitAsync(app, resident, arnhem, "Filterwijk", Now.AddDays(-70), houseNumber: 2);
        var rejected = await SubmitAsync(app, resident, arnhem, "Filterwijk", Now.AddDays(-20), houseNumber: 3,
            prepare: a => a.Reject(Colleague, "Eigen oprit.", Now.AddDays(-1)));
        var colleagues = await SubmitAsync(app, resident, arnhem, "Filterwijk", Now.AddDays(-10), houseNumber: 4,
            prepare: a => a.AssignTo(Colleague, Colleague, Now.AddDays(-9)));
        var nowhere = await SubmitAsync(app, resident, arnhem, null, Now.AddDays(-3), houseNumber: 5);
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);
        QueueFilter In(string? status = null, PreAssessmentAdvice? advice = null, string? assigned = null, int? age = null, bool overdueOnly = false) =>
            new(status, "Filterwijk", advice, assigned, age, overdueOnly);

        // Open (the default), oldest submission first: the rejected one is closed.
        Assert.Equal([overdue.Reference, colleagues.Reference, fresh.Reference], await ReferencesAsync(officer, In()));
        Assert.Equal([overdue.Reference, rejected.Reference, colleagues.Reference, fresh.Reference], await ReferencesAsync(officer, In(QueueFilter.AllStatuses)));
        Assert.Equal([rejected.Reference], await ReferencesAsync(officer, In(nameof(ApplicationStatus.Rejected))));
        Assert.Equal([colleagues.Reference], await ReferencesAsync(officer, In(nameof(ApplicationStatus.InAssessment))));
        // 70 days ago is past the eight weeks; 20 days ago (rejected) is closed and has no deadline.
        Assert.Equal([overdue.Reference], await ReferencesAsync(officer, In(QueueFilter.AllStatuses, overdueOnly: true)));
        Assert.Equal([colleagues.Reference], await ReferencesAsync(officer, In(assigned: "colleague-id")));
        Assert.Equal([overdue.Reference, fresh.Reference], await ReferencesAsync(officer, In(assigned: QueueFilter.Unassigned)));
        Assert.Empty(await ReferencesAsync(officer, In(assigned: QueueFilter.AssignedToMe)));
        // More than two weeks ago: only the one of 70 days among the open ones; the rejected one too among all.
        Assert.Equal([overdue.Reference], await ReferencesAsync(officer, In(age: 14)));
        Assert.Equal([overdue.Reference, rejected.Reference], await ReferencesAsync(officer, In(QueueFilter.AllStatuses, age: 14)));
        Assert.Equal(3, (await ReferencesAsync(officer, In(advice: PreAssessmentAdvice.LikelyApprove))).Count);
        Assert.Empty(await ReferencesAsync(officer, In(advice: PreAssessmentAdvice.LikelyReferOrReject)));
        Assert.Contains(nowhere.Reference, await ReferencesAsync(officer, new QueueFilter(District: QueueFilter.NoDistrict)));
        Assert.DoesNotContain(fresh.Reference, await ReferencesAsync(officer, new QueueFilter(District: QueueFilter.NoDistrict)));

        var result = await WithAsync<QueueQueries, QueueResult>(q => q.PageAsync(officer, In(nameof(ApplicationStatus.Rejected)), GridQuery.Default));
        var submitted = await ReadAsync(app, db => db.Applications.CountAsync(a => a.MunicipalityId == arnhem && a.Status == ApplicationStatus.Submitted));
        Assert.Equal(submitted, result.CountsByStatus[ApplicationStatus.Submitted]);
        Assert.False(result.CountsByStatus.ContainsKey(ApplicationStatus.Draft));
        Assert.Equal(1, result.Page.Total);
    }

    [Fact]
    public async Task TheQuickSearch_FindsAReference_AnAddress_APostcode_AndALicencePlate()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "search.resident@test.example");
        var first = await SubmitAsync(app, resident, arnhem, "Zoekwijk", Now.AddDays(-3), houseNumber: 21);
        var second = await SubmitAsync(app, resident, arnhem, "Zoekwijk", Now.AddDays(-2), houseNumber: 22, plate: "99-XYZ-9");
        var third = await SubmitAsync(app, resident, arnhem, "Zoekwijk", Now.AddDays(-1), houseNumber: 230, postcode: "6815BB");
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);
        Task<List<string>> SearchAsync(string text) => ReferencesAsync(officer, new QueueFilter(District: "Zoekwijk"), GridQuery.Default with { Search = text });

        Assert.Equal([first.Reference], await SearchAsync(first.Reference.ToLowerInvariant()));
        Assert.Equal([second.Reference], await SearchAsync(second.Reference[^6..]));
        Assert.Equal([second.Reference], await SearchAsync("zijpendaalseweg 22"));
        Assert.Equal([first.Reference, second.Reference, third.Reference], await SearchAsync("Zijpendaalseweg 2"));
        Assert.Equal([second.Reference], await SearchAsync("99xyz9"));
        Assert.Equal([second.Reference], await SearchAsync("99-xyz-9"));
        Assert.Equal([third.Reference], await SearchAsync("6815 bb"));
        Assert.Empty(await SearchAsync("%"));
        Assert.Empty(await SearchAsync("_ijpendaalseweg"));
        Assert.Empty(await SearchAsync("[z]ijpendaalseweg"));   // a character class on SQL Server, unless escaped
        Assert.Empty(await SearchAsync("Kerkstraat"));
    }

    [Fact]
    public async Task EachColumn_Sorts_BothWays_AndAPage_SkipsTheRowsBeforeIt()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "sorting.resident@test.example");
        var rejected = await SubmitAsync(app, resident, arnhem, "Sorteerwijk", Now.AddDays(-30), houseNumber: 5,
            prepare: a => a.Reject(Colleague, "Eigen oprit.", Now.AddDays(-1)));
        var assigned = await SubmitAsync(app, resident, arnhem, "Sorteerwijk", Now.AddDays(-20), houseNumber: 3,
            prepare: a => a.AssignTo(Colleague, Colleague, Now.AddDays(-19)));
        var submitted = await SubmitAsync(app, resident, arnhem, "Sorteerwijk", Now.AddDays(-10), houseNumber: 4);
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);
        var all = new QueueFilter(QueueFilter.AllStatuses, "Sorteerwijk");
        Task<List<string>> SortAsync(string column, bool descending = false) => ReferencesAsync(officer, all, Sorted(column, descending));
        string[] R(params Application[] applications) => [.. applications.Select(a => a.Reference)];

        Assert.Equal(R(rejected, assigned, submitted), await ReferencesAsync(officer, all));
        Assert.Equal(R(rejected, assigned, submitted), await SortAsync(nameof(QueueRow.SubmittedAtUtc)));
        Assert.Equal(R(submitted, assigned, rejected), await SortAsync(nameof(QueueRow.SubmittedAtUtc), descending: true));
        Assert.Equal(R(rejected, assigned, submitted).Order(StringComparer.Ordinal), await SortAsync(nameof(QueueRow.Reference)));
        Assert.Equal(R(rejected, assigned, submitted).OrderDescending(StringComparer.Ordinal), await SortAsync(nameof(QueueRow.Reference), descending: true));
        // Zijpendaalseweg 3, 4, 5.
        Assert.Equal(R(assigned, submitted, rejected), await SortAsync(nameof(QueueRow.Address)));
        Assert.Equal(R(rejected, submitted, assigned), await SortAsync(nameof(QueueRow.Address), descending: true));
        // Submitted, in assessment, rejected: the order of the process, not of the names.
        Assert.Equal(R(submitted, assigned, rejected), await SortAsync(nameof(QueueRow.Status)));
        Assert.Equal(R(rejected, assigned, submitted), await SortAsync(nameof(QueueRow.Status), descending: true));
        // One district: the oldest submission first.
        Assert.Equal(R(rejected, assigned, submitted), await SortAsync(nameof(QueueRow.District)));
        // The deadline of 20 days ago comes before that of 10 days ago; the closed one has none and comes last both ways.
        Assert.Equal(R(assigned, submitted, rejected), await SortAsync(nameof(QueueRow.Deadline)));
        Assert.Equal(R(submitted, assigned, rejected), await SortAsync(nameof(QueueRow.Deadline), descending: true));
        // Only one has an officer; the others follow, oldest first.
        Assert.Equal(R(assigned, rejected, submitted), await SortAsync(nameof(QueueRow.AssignedOfficerName)));

        var second = await PageAsync(officer, all, new GridQuery(null, nameof(QueueRow.Address), false, 1, 2));
        Assert.Equal(3, second.Total);
        Assert.Equal(R(rejected), second.Items.Select(r => r.Reference));
        var secondByDeadline = await PageAsync(officer, all, new GridQuery(null, nameof(QueueRow.Deadline), false, 1, 2));
        Assert.Equal(3, secondByDeadline.Total);
        Assert.Equal(R(rejected), secondByDeadline.Items.Select(r => r.Reference));
    }

    [Fact]
    public void TheOldQueuesSortKeys_AndFilterKeys_StillOpenTheSameView()
    {
        GridQuery From(string query) => QueueFilter.WithGridSortKey(GridQuery.FromUri($"http://localhost/beheer/aanvragen?{query}"));

        Assert.Equal(nameof(QueueRow.Reference), From("sorteer=kenmerk").Sort);
        Assert.Equal(nameof(QueueRow.District), From("sorteer=wijk&aflopend=true").Sort);
        Assert.Equal(nameof(QueueRow.Deadline), From("sorteer=termijn").Sort);
        Assert.Equal(nameof(QueueRow.SubmittedAtUtc), From("sorteer=ingediend").Sort);
        Assert.Equal(nameof(QueueRow.Status), From("sorteer=status").Sort);
        Assert.Equal(1, From("pagina=2").Page);
        var filter = QueueFilter.FromUri("http://localhost/beheer/aanvragen?status=Rejected&wijk=Centrum&advies=LikelyApprove&behandelaar=mij&ouderdan=14&verlopen=true");
        Assert.Equal(new QueueFilter("Rejected", "Centrum", PreAssessmentAdvice.LikelyApprove, QueueFilter.AssignedToMe, 14, true), filter);
        Assert.Equal(new QueueFilter(), QueueFilter.FromUri("http://localhost/beheer/aanvragen?status=Draft&advies=7&ouderdan=-3&verlopen=nee"));
        Assert.Equal("status=Rejected&wijk=Centrum&advies=LikelyApprove&behandelaar=mij&ouderdan=14&verlopen=true",
            GridQuery.Default.ToUri("", filter.ToQuery()).TrimStart('?'));
    }

    [Fact]
    public async Task OverdueOnly_CountsThePausedDays_AndSortsAndPagesOnAnotherColumn()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "overdue.resident@test.example");
        var longAgo = await SubmitAsync(app, resident, arnhem, "Termijnwijk", Now.AddDays(-70), houseNumber: 1);
        var sixtyDays = await SubmitAsync(app, resident, arnhem, "Termijnwijk", Now.AddDays(-60), houseNumber: 2);
        // Also 60 days ago, but 10 days waiting for information: its last day is in 6 days.
        var paused = await SubmitAsync(app, resident, arnhem, "Termijnwijk", Now.AddDays(-60), houseNumber: 3, prepare: a =>
        {
            a.AskForInformation(Colleague, "Welk kenteken?", Now.AddDays(-50));
            a.AnswerInformation(new ApplicationActor(a.ApplicantUserId!, "Ria"), "Dit kenteken.", Now.AddDays(-40));
        });
        await SubmitAsync(app, resident, arnhem, "Termijnwijk", Now.AddDays(-5), houseNumber: 4);
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);
        var overdue = new QueueFilter(District: "Termijnwijk", OverdueOnly: true);

        var byAddress = await PageAsync(officer, overdue, Sorted(nameof(QueueRow.Address), descending: true));
        var secondPage = await PageAsync(officer, overdue, new GridQuery(null, nameof(QueueRow.Address), true, 1, 1));
        var pausedRow = (await PageAsync(officer, new QueueFilter(District: "Termijnwijk"), GridQuery.Default with { Search = paused.Reference })).Items.Single();

        Assert.Equal([sixtyDays.Reference, longAgo.Reference], byAddress.Items.Select(r => r.Reference));
        Assert.Equal(2, byAddress.Total);
        Assert.Equal([longAgo.Reference], secondPage.Items.Select(r => r.Reference));
        Assert.Equal(2, secondPage.Total);
        Assert.All(byAddress.Items, r => Assert.True(r.Deadline!.IsOverdue));
        Assert.Equal(6, pausedRow.Deadline!.DaysLeft);
        Assert.False(pausedRow.Deadline.IsOverdue);
    }

    [Fact]
    public async Task AnOfficer_NeverSeesExportsOrAssignsAnotherMunicipalitysApplications()
    {
        var arnhem = await ArnhemAsync(app);
        var utrecht = await MunicipalityAsync(app, "GM0344", "Utrecht");
        var resident = await ResidentAsync(app, "tenant.resident@test.example");
        var inArnhem = await SubmitAsync(app, resident, arnhem, "Grenswijk", Now.AddDays(-3), houseNumber: 1);
        var inUtrecht = await SubmitAsync(app, resident, utrecht, "Grenswijk", Now.AddDays(-3), houseNumber: 2);
        var ute = await UserAsync(app, "ute.queue@utrecht.example", "Ute Utrecht", PortalRoles.Officer, utrecht);
        var arnhemOfficer = await PrincipalAsync(app, DemoAccounts.Officer);
        var utrechtOfficer = await PrincipalAsync(app, "ute.queue@utrecht.example");
        var everything = new QueueFilter(QueueFilter.AllStatuses, "Grenswijk");

        Assert.Equal([inArnhem.Reference], await ReferencesAsync(arnhemOfficer, everything));
        Assert.Equal([inUtrecht.Reference], await ReferencesAsync(utrechtOfficer, everything));
        Assert.Empty(await ReferencesAsync(utrechtOfficer, new QueueFilter(QueueFilter.AllStatuses), GridQuery.Default with { Search = inArnhem.Reference }));
        var utrechtCounts = (await WithAsync<QueueQueries, QueueResult>(q => q.PageAsync(utrechtOfficer, everything, GridQuery.Default))).CountsByStatus;
        Assert.Equal(await ReadAsync(app, db => db.Applications.CountAsync(a => a.MunicipalityId == utrecht && a.Status != ApplicationStatus.Draft)), utrechtCounts.Values.Sum());

        var csv = await WithAsync<QueueExport, byte[]>(e => e.CsvAsync(utrechtOfficer, everything, GridQuery.Default, [inArnhem.Id]));
        Assert.DoesNotContain(inArnhem.Reference, Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        Assert.Single(Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var assignment = await WithAsync<DecisionService, BulkAssignment>(d => d.AssignAsync(utrechtOfficer, [inArnhem.Id], ute.UserId));
        Assert.Equal(new BulkAssignment(0, 1, "Ute Utrecht"), assignment);
        Assert.Null((await LoadAsync(app, inArnhem.Id)).AssignedOfficerId);
        // Nor does an Arnhem officer give an Arnhem application to an officer of Utrecht only.
        var across = await WithAsync<DecisionService, BulkAssignment>(d => d.AssignAsync(arnhemOfficer, [inArnhem.Id, inUtrecht.Id], ute.UserId));
        Assert.Equal(0, across.Assigned);
        Assert.Null((await LoadAsync(app, inArnhem.Id)).AssignedOfficerId);
        Assert.Null((await LoadAsync(app, inUtrecht.Id)).AssignedOfficerId);
        Assert.DoesNotContain(await WithAsync<DecisionService, IReadOnlyList<OfficerChoice>>(d => d.ColleaguesAsync(arnhemOfficer)), o => o.Id == ute.UserId);
    }

    [Fact]
    public async Task AssigningToAColleague_PutsTheOpenOnesInAssessment_TellsTheResident_AndSkipsTheClosedOne()
    {
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "bulk.resident@test.example");
        var first = await SubmitAsync(app, resident, arnhem, "Toewijswijk", Now.AddDays(-3), houseNumber: 1);
        var second = await SubmitAsync(app, resident, arnhem, "Toewijswijk", Now.AddDays(-2), houseNumber: 2);
        var closed = await SubmitAsync(app, resident, arnhem, "Toewijswijk", Now.AddDays(-4), houseNumber: 3,
            prepare: a => a.Reject(Colleague, "Eigen oprit.", Now.AddDays(-1)));
        var colleague = await UserAsync(app, "bea.bulk@arnhem.example", "Bea Behandelaar", PortalRoles.Officer, arnhem);
        var resident2 = await ResidentAsync(app, "not.an.officer@test.example");
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);
        await app.DeliverMailAsync();

        var colleagues = await WithAsync<DecisionService, IReadOnlyList<OfficerChoice>>(d => d.ColleaguesAsync(officer));
        var toAResident = await WithAsync<DecisionService, BulkAssignment>(d => d.AssignAsync(officer, [first.Id], resident2.UserId));
        var done = await WithAsync<DecisionService, BulkAssignment>(d => d.AssignAsync(officer, [first.Id, second.Id, closed.Id], colleague.UserId));

        Assert.Contains(colleagues, o => o.Id == colleague.UserId && o.Name == "Bea Behandelaar");
        Assert.Contains(colleagues, o => o.Name == "Olaf Ambtenaar");
        Assert.Equal(new BulkAssignment(0, 1, null), toAResident);
        Assert.Equal(new BulkAssignment(2, 1, "Bea Behandelaar"), done);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var after = await LoadAsync(app, id);
            Assert.Equal(colleague.UserId, after.AssignedOfficerId);
            Assert.Equal(ApplicationStatus.InAssessment, after.Status);
            Assert.Contains(after.History, h => h.Kind == ApplicationChangeKind.Assigned && h.ByName == "Olaf Ambtenaar" && h.Reason == "Bea Behandelaar");
        }
        Assert.Null((await LoadAsync(app, closed.Id)).AssignedOfficerId);
        Assert.Equal(2, (await app.DeliverMailAsync()).MessagesTo("bulk.resident@test.example").Count(m => m.Contains("In behandeling", StringComparison.Ordinal)));
        Assert.Equal([first.Reference, second.Reference],
            await ReferencesAsync(officer, new QueueFilter(District: "Toewijswijk", Assigned: colleague.UserId)));
    }

    [Fact]
    public async Task TheCsv_HasAHeaderAndTheGridsColumns_SeparatedBySemicolons_InUtf8WithABom_AndDefusesFormulas()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        var arnhem = await ArnhemAsync(app);
        var resident = await ResidentAsync(app, "csv.resident@test.example");
        const string district = "=HYPERLINK(\"x\");1";
        var submittedAt = Now.AddDays(-2);
        var open = await SubmitAsync(app, resident, arnhem, district, submittedAt, houseNumber: 7);
        var rejected = await SubmitAsync(app, resident, arnhem, district, Now.AddDays(-3), houseNumber: 8,
            prepare: a => a.Reject(Colleague, "Eigen oprit.", Now.AddDays(-1)));
        var officer = await PrincipalAsync(app, DemoAccounts.Officer);
        var filter = new QueueFilter(QueueFilter.AllStatuses, district);

        var all = await WithAsync<QueueExport, byte[]>(e => e.CsvAsync(officer, filter, Sorted(nameof(QueueRow.Address))));
        var chosen = await WithAsync<QueueExport, byte[]>(e => e.CsvAsync(officer, filter, GridQuery.Default, [rejected.Id]));

        Assert.Equal([0xEF, 0xBB, 0xBF], all[..3]);
        var lines = Encoding.UTF8.GetString(all[3..]).Split("\r\n");
        static string Day(DateTime utc) => DutchCalendar.LocalTime(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lastDay = DutchCalendar.DayOf(submittedAt).AddDays(56).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        var closedOn = DutchCalendar.LocalTime((await LoadAsync(app, rejected.Id)).ClosedAtUtc!.Value).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Equal(
            [
                "Kenmerk;Adres;Wijk;Status;Advies voorbeoordeling;Ingediend;Beslistermijn;Behandelaar",
                $"{open.Reference};Zijpendaalseweg 7;\"'=HYPERLINK(\"\"x\"\");1\";Ingediend;Waarschijnlijk toekennen;{Day(submittedAt)};{lastDay} (nog 54 dagen);",
                $"{rejected.Reference};Zijpendaalseweg 8;\"'=HYPERLINK(\"\"x\"\");1\";Afgewezen;Waarschijnlijk toekennen;{Day(Now.AddDays(-3))};Afgehandeld op {closedOn};",
                "",
            ],
            lines);
        var chosenLines = Encoding.UTF8.GetString(chosen[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, chosenLines.Length);
        Assert.StartsWith(rejected.Reference + ";", chosenLines[1], StringComparison.Ordinal);
    }
}
