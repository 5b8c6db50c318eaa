using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Portal.Domain.Municipalities;
using Portal.Integration.Changes;
using Portal.Integration.Municipalities;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Persistence;

namespace Portal.Benchmarks;

/// <summary>
/// A full pull of the Locations module: 50,000 EVSEs (one per location) in pages of 1,000 over
/// loopback HTTP from the fake CPO (<see cref="FakeCpo"/>, serving <see cref="SyntheticLocations"/>), parsed, mapped to charge locations and stored with
/// one status event each, in a fresh, migrated database per iteration. PostgreSQL runs too when
/// PORTAL_BENCH_POSTGRES holds a server connection string. The peak managed heap during each pull is
/// printed, to show memory does not grow with the number of pages.
/// </summary>
[MemoryDiagnoser]
public class OcpiFullPullBenchmarks
{
    public const string PostgresVariable = "PORTAL_BENCH_POSTGRES";

    private FakeCpo _cpo = null!;
    private ServiceProvider _services = null!;
    private string _folder = "";
    private string? _postgresDatabase;
    private Guid _connectionId;
    private long _peakHeap;
    private long _peakLive;
    private readonly List<(int Page, long Bytes)> _liveAtPageBoundary = [];

    public static IEnumerable<DatabaseProvider> Providers =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            ? [DatabaseProvider.Sqlite]
            : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [Params(10_000, 50_000)]
    public int Evses { get; set; }

    [GlobalSetup]
    public async Task StartCpo() => _cpo = await SyntheticLocations.ServedAsync(Evses);

    [GlobalCleanup]
    public async Task StopCpo() => await _cpo.DisposeAsync();

    [IterationSetup]
    public void NewDatabase() => NewDatabaseAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void DropDatabase()
    {
        Console.WriteLine($"// OCPI pull {Provider} {Evses} EVSEs: peak managed heap {_peakHeap / (1024 * 1024)} MB, peak live after full GC {_peakLive / (1024 * 1024)} MB");
        Console.WriteLine($"// OCPI pull {Provider} {Evses} EVSEs: live heap between pages (page: MB) "
            + string.Join(", ", _liveAtPageBoundary.Select(p => $"{p.Page}: {p.Bytes / (1024 * 1024)}")));
        _liveAtPageBoundary.Clear();
        _services.Dispose();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> FullPullOfLocations()
    {
        using var sampling = new CancellationTokenSource();
        _peakHeap = 0;
        _peakLive = 0;
        var sampler = Task.Run(async () =>
        {
            var samples = 0;
            while (!sampling.IsCancellationRequested)
            {
                _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(false));
                // Every 5 s what is still reachable (after a full collection): this, not the heap with
                // its uncollected garbage, shows whether memory grows with the number of pages.
                if (++samples % 250 == 0)
                    _peakLive = Math.Max(_peakLive, GC.GetTotalMemory(true));
                await Task.Delay(20);
            }
        });
        using var scope = _services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<OcpiPuller>().PullAsync(_connectionId, OcpiModule.Locations, PullMode.Full);
        await sampling.CancelAsync();
        await sampler;
        if (report.Outcome != PullOutcome.Succeeded || report.Objects != Evses || report.Message is not null)
            throw new InvalidOperationException($"The pull did not store everything: {report}");
        return report.Objects;
    }

    /// <summary>
    /// Measures what stays reachable between pages (after the puller cleared its change tracker): every
    /// fifth page, a full collection and the heap size. Flat numbers mean memory does not grow with pages.
    /// </summary>
    private sealed class PageBoundarySampler(List<(int Page, long Bytes)> samples) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(OcpiPuller).FullName ? this : NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != OcpiPuller.PageStored.Id || state is not IReadOnlyList<KeyValuePair<string, object?>> values
                || values.FirstOrDefault(v => v.Key == "Page").Value is not int page || page % 5 != 0)
                return;
            lock (samples)
                samples.Add((page, GC.GetTotalMemory(forceFullCollection: true)));
        }

        public void Dispose()
        {
        }
    }

    private async Task NewDatabaseAsync()
    {
        _folder = Directory.CreateTempSubdirectory("portal-bench-").FullName;
        string connectionString;
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)!;
            _postgresDatabase = $"portal_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ToString();
        }
        else
        {
            _postgresDatabase = null;
            connectionString = $"Data Source={Path.Combine(_folder, "portal.db")}";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new PageBoundarySampler(_liveAtPageBoundary)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddDbContext<PortalDbContext>(db => db.UsePortalDatabase(Provider, connectionString));
        services.AddLiveChanges();
        services.AddSingleton<MunicipalityBoundaries>();
        services.AddOcpi(configuration.GetSection("Ocpi"));
        _services = services.BuildServiceProvider();

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();
        var municipality = Municipality.Register(MunicipalityCode.Parse("GM0202"), "Arnhem", DateTime.UtcNow);
        municipality.SetBoundary(MunicipalityBoundary.FromWkt("POLYGON ((5.8 51.9, 6.05 51.9, 6.05 52.1, 5.8 52.1, 5.8 51.9))"));
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<OcpiPartners>()
            .RegisterAsync(_cpo.VersionsUrl, _cpo.TokenA, "NL", SyntheticLocations.PartyId, "Benchmark CPO", "http://localhost/ocpi/versions");
        _connectionId = outcome.ConnectionId ?? throw new InvalidOperationException(outcome.Error);
    }
}
