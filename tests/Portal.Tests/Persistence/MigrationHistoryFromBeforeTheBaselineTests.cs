using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Persistence;

/// <summary>
/// A developer's database made by the migrations that were squashed into the baseline is refused at
/// start with what to do, instead of failing half-way on a table that already exists.
/// </summary>
public sealed class MigrationHistoryFromBeforeTheBaselineTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-old-history-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(_folder);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Start_OnADatabaseMigratedByTheOldHistory_StopsWithWhatToDo()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(_database.Provider, _database.ConnectionString);
        await using (var db = new PortalDbContext(options.Options))
        {
            var history = db.GetService<IHistoryRepository>();
            await db.Database.ExecuteSqlRawAsync(history.GetCreateScript());
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow("20261206180622_LiveChangeSignals", "10.0.14")));
        }

        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("App:DataDirectory", _folder);
            web.UseSetting("App:PublicUrl", "http://localhost");
            web.UseSetting("Database:Provider", _database.Provider.ToString());
            web.UseSetting("Database:ConnectionString", _database.ConnectionString);
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var refusal = Assert.IsType<InvalidOperationException>(error.GetBaseException());
        Assert.Contains("before the baseline", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("20261206180622_LiveChangeSignals", refusal.Message, StringComparison.Ordinal);
    }
}
