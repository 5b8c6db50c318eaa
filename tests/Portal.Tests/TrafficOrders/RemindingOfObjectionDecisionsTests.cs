using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders;
using Portal.Features.TrafficOrders.Objections;
using Portal.Tests.Applications;
using Portal.Tests.Assessment;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.TrafficOrders;

/// <summary>
/// The daily reminder of objection decision days, on the real app with a clock the test moves: the officer who
/// drafted the order hears of an undecided objection once a day from 14 days before its last decision day, not of
/// one whose clock stands still for a repair; when the drafter left the municipality, its officers hear of it.
/// </summary>
public sealed class RemindingOfObjectionDecisionsTests(OfficerClockAppFactory app) : IClassFixture<OfficerClockAppFactory>
{
    private DateOnly Today => Portal.Domain.Common.DutchCalendar.Day(app.Clock.Now.UtcDateTime);

    private async Task<T> CallAsync<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<Guid> PublishedOrderAsync(ClaimsPrincipal officer, Guid arnhem, string street, double offset)
    {
        var spot = await OfficerTestData.ReadAsync(app, async db =>
        {
            var actor = new SpotActor("test", "Test");
            var s = Spot.Create(arnhem, Coordinate.FromWgs84(OfficerTestData.ParkLatitude + offset, OfficerTestData.ParkLongitude),
                new SpotDetails(street + " 1", 2, SpotSetUp.OnPavement, null, null, null, null), actor, app.Clock.Now.UtcDateTime);
            s.ChangeStatus(SpotStatus.Approved, actor, app.Clock.Now.UtcDateTime, "Getoetst");
            db.Spots.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var id = (await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.DraftAsync(officer, new TrafficOrderDraft(arnhem, street, TrafficOrderRoute.Direct, [spot], SignBoard.E4)))).OrderId!.Value;
        Assert.Null((await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.RecordPoliceConsultationAsync(officer, id, Today.AddDays(-5), "Akkoord."))).Error);
        Assert.Null((await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.DecideAsync(officer, id, Today.AddDays(-1)))).Error);
        Assert.Null((await CallAsync<TrafficOrderService, TrafficOrderStep>(s => s.PublishAsync(officer, id, PublicationChannel.Gemeenteblad, Today, "gmb-herinnering-" + street))).Error);
        return id;
    }

    private Task<ObjectionReceipt> ObjectAsync(Guid orderId, string name) =>
        CallAsync<ObjectionService, ObjectionReceipt>(s => s.ReceiveAsync(orderId, ObjectionKind.Objection,
            new ObjectionForm { Name = name, Address = "Weg 1", Email = "bezwaar@herinnering.test", Grounds = "Te weinig parkeerplaatsen." }, []));

    private Task<int> RunRemindersAsync() => CallAsync<ObjectionReminders, int>(r => r.RunAsync());

    [Fact]
    public async Task TheDrafter_IsRemindedOnceADay_FromFourteenDaysBefore_TheLastDecisionDay()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        await OfficerTestData.UserAsync(app, "olga.opsteller@arnhem.example", "Olga Opsteller", PortalRoles.Officer, arnhem);
        var drafter = await app.PrincipalOfAsync("olga.opsteller@arnhem.example");
        var orderId = await PublishedOrderAsync(drafter, arnhem, "Herinneringslaan", 0.0301);
        var running = await ObjectAsync(orderId, "Rob Lopend");
        var paused = await ObjectAsync(orderId, "Pim Pauze");
        var lastDay = TermsCalendar.Default.LastDay(AwbTerms.Objection(Today, TermsCalendar.Default).LastDay.AddDays(42));
        var (start, daysToLastDay) = (app.Clock.Now, lastDay.DayNumber - Today.DayNumber);
        try
        {
            app.Clock.Now = start.AddDays(daysToLastDay - 15);
            Assert.Null(await CallAsync<ObjectionService, string?>(s => s.AskForRepairAsync(drafter, paused.ObjectionId)));
            await RunRemindersAsync();
            Assert.Empty((await app.DeliverMailAsync()).MessagesTo("olga.opsteller@arnhem.example"));

            app.Clock.Now = app.Clock.Now.AddDays(1);
            await RunRemindersAsync();
            await RunRemindersAsync();
            var mail = Assert.Single((await app.DeliverMailAsync()).MessagesTo("olga.opsteller@arnhem.example"));
            Assert.Contains(running.Reference, mail, StringComparison.Ordinal);
            Assert.DoesNotContain(paused.Reference, mail, StringComparison.Ordinal);
            Assert.Contains("nog 14 dagen", mail, StringComparison.Ordinal);
            Assert.Contains($"/beheer/verkeersbesluiten/{orderId}", mail, StringComparison.Ordinal);

            app.Clock.Now = start.AddDays(daysToLastDay + 2);
            await RunRemindersAsync();
            var overdue = (await app.DeliverMailAsync()).MessagesTo("olga.opsteller@arnhem.example");
            Assert.Equal(2, overdue.Count);
            Assert.Contains(overdue, m => m.Contains("2 dagen over de termijn", StringComparison.Ordinal));
            Assert.DoesNotContain((await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Officer), m => m.Contains(running.Reference, StringComparison.Ordinal));
        }
        finally
        {
            app.Clock.Now = start;
        }
    }

    [Fact]
    public async Task WhenTheDrafterLeftTheMunicipality_ItsOfficersAreReminded()
    {
        var arnhem = await OfficerTestData.ArnhemAsync(app);
        await OfficerTestData.UserAsync(app, "vera.vertrokken@arnhem.example", "Vera Vertrokken", PortalRoles.Officer, arnhem);
        var orderId = await PublishedOrderAsync(await app.PrincipalOfAsync("vera.vertrokken@arnhem.example"), arnhem, "Vertreklaan", 0.0302);
        var objection = await ObjectAsync(orderId, "Otto Overgedragen");
        await OfficerTestData.ReadAsync(app, async db =>
        {
            var vera = await db.Users.Where(u => u.Email == "vera.vertrokken@arnhem.example").Select(u => u.Id).SingleAsync();
            db.OfficerMemberships.RemoveRange(db.OfficerMemberships.Where(m => m.UserId == vera));
            return await db.SaveChangesAsync();
        });
        var lastDay = TermsCalendar.Default.LastDay(AwbTerms.Objection(Today, TermsCalendar.Default).LastDay.AddDays(42));
        var (start, daysToLastDay) = (app.Clock.Now, lastDay.DayNumber - Today.DayNumber);
        try
        {
            app.Clock.Now = start.AddDays(daysToLastDay - 3);
            await RunRemindersAsync();

            var mail = (await app.DeliverMailAsync()).MessagesTo(DemoAccounts.Officer);
            Assert.Contains(mail, m => m.Contains(objection.Reference, StringComparison.Ordinal) && m.Contains("nog 3 dagen", StringComparison.Ordinal));
            Assert.Empty((await app.DeliverMailAsync()).MessagesTo("vera.vertrokken@arnhem.example"));
        }
        finally
        {
            app.Clock.Now = start;
        }
    }
}
