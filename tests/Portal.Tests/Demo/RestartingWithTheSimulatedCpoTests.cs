using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Demo.SimulatedCpo;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;

namespace Portal.Tests.Demo;

/// <summary>The simulator keeps its tokens in memory only; a new start must reuse the portal's connection, not add one.</summary>
public sealed class RestartingWithTheSimulatedCpoTests(SimulatedCpoApp app) : IClassFixture<SimulatedCpoApp>
{
    [Fact]
    public async Task ANewStart_RegistersAgainOnTheSameConnection()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));
        var first = await app.ConnectionAsync();

        await using var restarted = app.CreateSecondNode();
        await restarted.Services.GetRequiredService<SimulatedCpoRunner>().TickAsync();

        var again = await app.ConnectionAsync();
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(OcpiConnectionStatus.Connected, again.Status);
        Assert.NotEqual(first.IncomingTokenHash, again.IncomingTokenHash);
    }

    [Fact]
    public async Task APushWithALostToken_LeadsToANewRegistrationAndThePushesGoOn()
    {
        await app.TickAsync(TimeSpan.FromSeconds(1));
        var connection = await app.ConnectionAsync();
        using (var scope = app.App.Services.CreateScope())
        {
            // As after a restore of the portal's database: the token the simulator holds is no longer known.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tracked = await db.OcpiConnections.SingleAsync(c => c.Id == connection.Id);
            tracked.ReissueTokenA(OcpiTokens.Hash(OcpiTokens.Generate()), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        for (var step = 0; step < 3; step++)
            await app.TickAsync(TimeSpan.FromSeconds(20));

        var after = await app.ConnectionAsync();
        Assert.Equal(connection.Id, after.Id);
        Assert.Equal(OcpiConnectionStatus.Connected, after.Status);
        using var check = app.App.Services.CreateScope();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.True(await check.ServiceProvider.GetRequiredService<PortalDbContext>().EvseStatusEvents.AnyAsync(e => e.OccurredAtUtc == now));
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<PortalDbContext>().OcpiConnections
            .CountAsync(c => c.CountryCode == connection.CountryCode && c.PartyId == connection.PartyId && c.Status != OcpiConnectionStatus.Revoked));
    }
}
