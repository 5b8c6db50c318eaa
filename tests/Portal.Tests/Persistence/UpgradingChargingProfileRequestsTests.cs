using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Persistence;

/// <summary>
/// Charging-profile requests made before the send queue existed survive the upgrade: a request that
/// was answered keeps its state and counts one attempt, queued when it was sent; one cut off while
/// "Sent" becomes Failed rather than waiting for ever.
/// </summary>
public sealed class UpgradingChargingProfileRequestsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-upgrade-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(_folder);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RequestsSentBeforeTheQueue_AreCountedAsOneAttempt_AndOneCutOffMidCallFails()
    {
        var connectionId = Guid.NewGuid();
        var answeredId = Guid.NewGuid();
        var cutOffId = Guid.NewGuid();
        var sentAt = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        await using (var db = Context())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Single(m => m.EndsWith("_ChargingProfiles", StringComparison.Ordinal)));
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "OcpiConnections" ("Id", "CountryCode", "PartyId", "Name", "Role", "Status", "CreatedAtUtc", "UpdatedAtUtc", "RegisteredByPortal")
                VALUES ({0}, 'NL', 'OLD', 'Old CPO', 'CPO', 'Connected', {1}, {1}, {2})
                """, connectionId, sentAt, false);
            foreach (var (id, state, at) in new[] { (answeredId, "Answered", sentAt), (cutOffId, "Sent", sentAt.AddMinutes(5)) })
                await db.Database.ExecuteSqlRawAsync(
                    """
                    INSERT INTO "ChargingProfileRequests" ("Id", "ConnectionId", "Kind", "SessionId", "RequestedBy", "SentAtUtc", "State")
                    VALUES ({0}, {1}, 'Set', 'S-OLD', 'admin', {2}, {3})
                    """, id, connectionId, at, state);

            await migrator.MigrateAsync();
        }

        await using var upgraded = Context();
        var requests = await upgraded.ChargingProfileRequests.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var answered = requests[answeredId];
        Assert.Equal((ChargingProfileRequestState.Answered, 1, sentAt, sentAt, sentAt), (answered.State, answered.Attempts, answered.QueuedAtUtc, answered.NextAttemptAtUtc, answered.SentAtUtc));
        Assert.Null(answered.Error);
        var cutOff = requests[cutOffId];
        Assert.Equal((ChargingProfileRequestState.Failed, 1, sentAt.AddMinutes(5)), (cutOff.State, cutOff.Attempts, cutOff.QueuedAtUtc));
        Assert.Equal("the portal stopped while this call was under way", cutOff.Error);
    }

    private PortalDbContext Context()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(_database.Provider, _database.ConnectionString);
        return new PortalDbContext(options.Options);
    }
}
