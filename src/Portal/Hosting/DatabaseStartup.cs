using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Features.Accounts;
using Portal.Features.Demo;
using Portal.Integration.Persistence;

namespace Portal.Hosting;

internal static class DatabaseStartup
{
    /// <summary>Applies migrations (unless switched off), makes sure the roles exist, and loads the demo when enabled.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
            await app.MigrateDatabaseAsync();

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().EnsureRolesAsync();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync();
        await BackfillOcpiKeysAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        var demo = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (demo.IsEnabled)
            await demo.SeedAsync();
    }

    /// <summary>Rows imported before ChargeLocation.OcpiKey existed get it, so OCPI pushes find them; a no-op afterwards.</summary>
    private static async Task BackfillOcpiKeysAsync(PortalDbContext db)
    {
        var rows = await db.ChargeLocations.Where(l => l.OcpiKey == null && l.OperatorPartyId != null && l.OcpiLocationId != null).ToListAsync();
        foreach (var row in rows)
            row.RefreshOcpiKey();
        if (rows.Count > 0)
            await db.SaveChangesAsync();
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        // The migrations were squashed into one baseline (README, Decisions): a database built by the old
        // history knows none of today's migrations and would fail on "table exists" half-way.
        if (applied.Count > 0 && !applied.Any(known.Contains))
            throw new InvalidOperationException(
                $"This {db.Database.ProviderName} database was created by migrations from before the baseline of December 2026 " +
                $"(last applied: {applied[^1]}). Delete it (for SQLite the file, otherwise drop and create the database) and start again: " +
                "the portal creates it anew and demo mode loads the demo data.");
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            app.Logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, db.Database.ProviderName, string.Join(", ", pending));
            await db.Database.MigrateAsync();
        }
    }
}
