using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Features.Applications;
using Portal.Features.Assessment;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Applications.OfficerTestData;

namespace Portal.Tests.Assessment;

/// <summary>
/// A clock the test moves by hand. It starts today at 11:00 UTC, midday in Arnhem in winter and summer,
/// so whole days back from it fall on the same Dutch calendar days the tests count.
/// </summary>
public sealed class OfficerTestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(DateTime.UtcNow.Date.AddHours(11), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The portal with a clock the tests control.</summary>
public sealed class OfficerClockAppFactory : PortalAppFactory
{
    public OfficerTestClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class OfficerBackgroundTasksTests(OfficerClockAppFactory app) : IClassFixture<OfficerClockAppFactory>
{
    [Fact]
    public async Task Reminders_MailTheAssignedOfficerOncePerDay_AboutDeadlinesWithinAWeek()
    {
        var arnhem = await ArnhemAsync(app);
        var now = app.Clock.Now.UtcDateTime;
        var officer = await UserAsync(app, "rita.reminder@arnhem.example", "Rita Herinnering", PortalRoles.Officer, arnhem);
        var resident = await ResidentAsync(app, "reminded.resident@test.example");
        void Assign(Application a) => a.AssignTo(officer, officer, a.SubmittedAtUtc!.Value.AddHours(1));
        // Eight weeks are 56 days: submitted 52 days ago leaves 4 days, 60 days ago is 4 days overdue, 20 days ago leaves 36.
        var near = await SubmitAsync(app, resident, arnhem, "Herinneringwijk", now.AddDays(-52), houseNumber: 1, prepare: Assign);
        var late = await SubmitAsync(app, resident, arnhem, "Herinneringwijk", now.AddDays(-60), houseNumber: 2, prepare: Assign);
        var early = await SubmitAsync(app, resident, arnhem, "Herinneringwijk", now.AddDays(-20), houseNumber: 3, prepare: Assign);
        var paused = await SubmitAsync(app, resident, arnhem, "Herinneringwijk", now.AddDays(-55), houseNumber: 4,
            prepare: a => { Assign(a); a.AskForInformation(officer, "Welk kenteken?", now.AddDays(-54)); });

        await RunRemindersAsync();
        await RunRemindersAsync();

        var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo("rita.reminder@arnhem.example"));
        Assert.Contains(near.Reference, mail, StringComparison.Ordinal);
        Assert.Contains(late.Reference, mail, StringComparison.Ordinal);
        Assert.DoesNotContain(early.Reference, mail, StringComparison.Ordinal);
        Assert.DoesNotContain(paused.Reference, mail, StringComparison.Ordinal);
        Assert.Contains("nog 4 dagen", mail, StringComparison.Ordinal);
        Assert.Contains("4 dagen over de termijn", mail, StringComparison.Ordinal);
        Assert.Contains($"/beheer/aanvragen/{near.Id}", mail, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(now), (await LoadAsync(app, near.Id)).DeadlineReminderSentOn);

        app.Clock.Now = app.Clock.Now.AddDays(1);
        try
        {
            await RunRemindersAsync();
            Assert.Equal(2, (await app.DeliverMailAsync()).MessagesTo("rita.reminder@arnhem.example").Count);
        }
        finally
        {
            app.Clock.Now = app.Clock.Now.AddDays(-1);
        }
    }

    [Fact]
    public async Task Retention_AnonymisesOnlyOldClosedApplications_DeletesTheirFiles_AndOldDrafts()
    {
        var arnhem = await ArnhemAsync(app);
        var now = app.Clock.Now.UtcDateTime;
        var officer = new ApplicationActor("retention-officer", "Ria Retentie");
        var resident = await ResidentAsync(app, "retained.resident@test.example");
        var oldKey = StoreFile();
        var recentKey = StoreFile();
        var openKey = StoreFile();
        var draftKey = StoreFile();
        var old = await SubmitAsync(app, resident, arnhem, "Bewaarwijk", now.AddMonths(-15), houseNumber: 1, documentKey: oldKey,
            prepare: a => a.Reject(officer, "Eigen oprit.", now.AddMonths(-13)));
        var recent = await SubmitAsync(app, resident, arnhem, "Bewaarwijk", now.AddMonths(-12), houseNumber: 2, documentKey: recentKey,
            prepare: a => a.Reject(officer, "Eigen oprit.", now.AddMonths(-11)));
        var open = await SubmitAsync(app, resident, arnhem, "Bewaarwijk", now.AddMonths(-14), houseNumber: 3, documentKey: openKey);
        var draft = await DraftAsync(arnhem, resident, now.AddMonths(-13), draftKey);

        var report = await RunAsync<ApplicationRetention, RetentionReport>(r => r.RunAsync());

        var anonymised = await LoadAsync(app, old.Id);
        Assert.NotNull(anonymised.PersonalDataRemovedAtUtc);
        Assert.Null(anonymised.ApplicantUserId);
        Assert.Null(anonymised.HouseNumber);
        Assert.Equal("6814", anonymised.Postcode);
        Assert.Equal("Bewaarwijk", anonymised.District);
        Assert.Equal(ApplicationStatus.Rejected, anonymised.Status);
        Assert.Empty(anonymised.Documents);
        Assert.False(File.Exists(PathOf(oldKey)));
        Assert.Null((await LoadAsync(app, recent.Id)).PersonalDataRemovedAtUtc);
        Assert.True(File.Exists(PathOf(recentKey)));
        Assert.Null((await LoadAsync(app, open.Id)).PersonalDataRemovedAtUtc);
        Assert.True(File.Exists(PathOf(openKey)));
        Assert.False(await ReadAsync(app, db => db.Applications.AnyAsync(a => a.Id == draft)));
        Assert.False(File.Exists(PathOf(draftKey)));
        Assert.True(report.Anonymised >= 1);
        Assert.True(report.DraftsDeleted >= 1);

        // Statistics survive: the anonymised application still counts in its district, with its decision.
        Assert.Contains(old.Reference, await OfficerQueueTests.QueueAsync(app, DemoAccounts.Officer, new QueueFilter(QueueFilter.AllStatuses, "Bewaarwijk")));
        var officerPrincipal = await PrincipalAsync(app, DemoAccounts.Officer);
        var statistics = await RunAsync<QueueQueries, QueueStatistics>(q => q.StatisticsAsync(officerPrincipal));
        var district = Assert.Single(statistics.ByDistrict, d => d.District == "Bewaarwijk");
        Assert.Equal((3, 2), (district.Count, district.Decided));
        Assert.NotNull(district.MedianDaysToDecision);

        var second = await RunAsync<ApplicationRetention, RetentionReport>(r => r.RunAsync());
        Assert.Equal(0, second.Anonymised);
    }

    private async Task RunRemindersAsync() => await RunAsync<DeadlineReminders, int>(r => r.RunAsync());

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> run) where TService : notnull
    {
        using var scope = app.App.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private string PathOf(string key) => Path.Combine(app.DataFolder, "documents", key);

    private string StoreFile()
    {
        // A key as the document store makes them: 48 lower-case hex digits.
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        Directory.CreateDirectory(Path.Combine(app.DataFolder, "documents"));
        File.WriteAllText(PathOf(key), "%PDF-1.4 test");
        return key;
    }

    private async Task<Guid> DraftAsync(Guid municipalityId, ApplicationActor resident, DateTime createdAtUtc, string key)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Portal.Integration.Persistence.PortalDbContext>();
        var place = new ApplicationPlace(ApplicationAddress.Create("6814AA", "9"), "Zijpendaalseweg", "Arnhem", "Bewaarwijk",
            Portal.Domain.Geography.Coordinate.FromWgs84(ParkLatitude, ParkLongitude), false);
        var draft = Application.StartDraft(ApplicationReference.Create(createdAtUtc.Year, System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)),
            municipalityId, resident, place, createdAtUtc);
        draft.AddDocument(DocumentKind.LeaseContract, "lease.pdf", "application/pdf", 100, key, resident, createdAtUtc);
        db.Applications.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }
}
