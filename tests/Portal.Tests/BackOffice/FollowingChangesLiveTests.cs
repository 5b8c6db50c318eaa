using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.BackOffice;
using Portal.Domain.Geography;
using Portal.Domain.Spots;
using Portal.Integration.Changes;
using Portal.Integration.Persistence;
using Portal.Tests.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.BackOffice;

/// <summary>
/// Open back-office pages follow changes: a save raises its topics on this node at the next tick, and
/// through the ChangeSignals table on every other node on the same database.
/// </summary>
public sealed class FollowingChangesLiveTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SavingASpot_RaisesSpots_OnThisNode_AndNotApplications()
    {
        var changes = app.App.Services.GetRequiredService<LiveChanges>();
        // Whatever the portal saved before this test (while starting) is raised before the test listens.
        await app.App.Services.GetRequiredService<ChangeSignals>().FlushAsync();
        using var spots = new Heard(changes, ChangeTopic.Spots);
        using var applications = new Heard(changes, ChangeTopic.Applications);

        await AddSpotAsync(app.App, "Plek die live verschijnt");

        await spots.FirstAsync(Wait);
        Assert.Equal(0, applications.Count);
    }

    [Fact]
    public async Task AChangeOnAnotherNode_ReachesThisNode_ThroughTheDatabase()
    {
        await using var second = app.CreateSecondNode();
        _ = second.Server;
        var changes = app.App.Services.GetRequiredService<LiveChanges>();
        using var spots = new Heard(changes, ChangeTopic.Spots);
        // The first read of the counters only learns where they stand; wait until this node has read them once.
        await app.App.Services.GetRequiredService<ChangeSignals>().PollAsync();

        await AddSpotAsync(second, "Plek van de andere node");

        await spots.FirstAsync(Wait);
        Assert.NotEqual(0L, await VersionAsync(ChangeTopic.Spots));
    }

    [Fact]
    public async Task ThisNodesOwnChange_IsRaisedOnce_NotAgainWhenItReadsItsOwnCounter()
    {
        var signals = app.App.Services.GetRequiredService<ChangeSignals>();
        var changes = app.App.Services.GetRequiredService<LiveChanges>();
        await signals.PollAsync();
        using var spots = new Heard(changes, ChangeTopic.Spots);

        await AddSpotAsync(app.App, "Plek die één keer gemeld wordt");
        await spots.FirstAsync(Wait);
        await signals.FlushAsync();
        await signals.PollAsync();

        Assert.Equal(1, spots.Count);
    }

    [Fact]
    public void TheHistoryOfASpot_BelongsToSpots_LikeTheSpotItself()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Spots.Add(NewSpot(Guid.NewGuid(), "Plek met geschiedenis"));

        var entries = db.ChangeTracker.Entries().ToList();

        Assert.Contains(entries, e => e.Entity is SpotChange);
        Assert.All(entries, e => Assert.Equal([ChangeTopic.Spots], ChangeSignalInterceptor.TopicsOf(e)));
    }

    [Fact]
    public async Task TheLiveUpdatesComponent_CallsThePage_WhenItsTopicChanges_AndStopsWhenDisposed()
    {
        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Officer);
        var calls = 0;
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var component = context.Render<LiveUpdates>(p => p
            .Add(l => l.Topics, [ChangeTopic.Spots])
            .Add(l => l.OnChange, EventCallback.Factory.Create(this, () =>
            {
                calls++;
                called.TrySetResult();
            })));

        await AddSpotAsync(app.App, "Plek voor het component");
        await called.Task.WaitAsync(Wait);

        component.Instance.Dispose();
        var before = calls;
        var changes = app.App.Services.GetRequiredService<LiveChanges>();
        using var spots = new Heard(changes, ChangeTopic.Spots);
        await AddSpotAsync(app.App, "Plek na het sluiten");
        await spots.FirstAsync(Wait);
        Assert.Equal(before, calls);
    }

    private static Spot NewSpot(Guid municipalityId, string address) =>
        Spot.Create(municipalityId, Coordinate.FromWgs84(OfficerTestData.ParkLatitude, OfficerTestData.ParkLongitude),
            new SpotDetails(address, 2, SpotSetUp.OnPavement, null, null, null, null), new SpotActor("test", "Test"), DateTime.UtcNow);

    private static async Task AddSpotAsync(WebApplicationFactory<Program> node, string address)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var municipality = await db.Municipalities.Select(m => m.Id).FirstAsync();
        db.Spots.Add(NewSpot(municipality, address));
        await db.SaveChangesAsync();
    }

    private async Task<long> VersionAsync(ChangeTopic topic)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ChangeSignals.Where(s => s.Topic == topic).Select(s => s.Version).SingleAsync();
    }

    /// <summary>Counts what a subscriber of one topic hears.</summary>
    private sealed class Heard : IDisposable
    {
        private readonly IDisposable _subscription;
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public Heard(LiveChanges changes, ChangeTopic topic) =>
            _subscription = changes.Subscribe(topic, () =>
            {
                Interlocked.Increment(ref _count);
                _first.TrySetResult();
                return Task.CompletedTask;
            });

        public int Count => Volatile.Read(ref _count);

        public Task FirstAsync(TimeSpan wait) => _first.Task.WaitAsync(wait);

        public void Dispose() => _subscription.Dispose();
    }
}
