using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Audits.IngestHealth;
using Portal.Integration.Audits;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Receiving;
using Portal.Integration.Persistence;

namespace Portal.Integration.Ocpi.Pulling;

/// <summary>
/// Pulls one module from one CPO's sender interface and stores what it gets, following the OCPI pull
/// procedure: find the SENDER endpoint, ask for the window (incremental: since the last completed pull;
/// full: everything), store page after page as the client reads them, retire what a full pull of
/// Locations did not list, move the checkpoint on. Every pull is recorded as an <see cref="OcpiPullRun"/>;
/// nothing escapes as an exception except cancellation, so a scheduler calling this keeps running.
/// </summary>
public sealed class OcpiPuller(
    PortalDbContext db,
    OcpiClient client,
    OcpiPartners partners,
    OcpiPullRecorder recorder,
    LocationPageStore locations,
    LocationReceiver receiver,
    TariffVersionStore tariffs,
    IngestHealthLog ingestHealth,
    IOptions<OcpiClientOptions> options,
    TimeProvider clock,
    ILogger<OcpiPuller> logger)
{
    /// <summary>Sessions require date_from (NOTES 5.1); a full pull asks from here.</summary>
    private static readonly DateTime Beginning = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Logged (Debug) after every stored page, when the change tracker is empty again.</summary>
    public static readonly EventId PageStored = new(4101, nameof(PageStored));

    private const int ReconcileBatch = 200;

    private readonly KeyedRecordStore<Contracts.Session, OcpiSessionRecord> _sessions = new(db, clock, OcpiSessionRecord.Create);
    private readonly KeyedRecordStore<Contracts.Cdr, OcpiCdrRecord> _cdrs = new(db, clock, OcpiCdrRecord.Create);

    /// <summary>One pull per connection and module at a time in this process (a job and "pull now" can meet).</summary>
    private static readonly ConcurrentDictionary<(Guid, OcpiModule), SemaphoreSlim> Running = new();

    /// <summary>
    /// Pulls every module that every live connection offers as SENDER, one after the other; a failing
    /// connection or module does not stop the rest. This is what a scheduled job calls.
    /// </summary>
    public async Task<IReadOnlyList<PullReport>> PullAllAsync(PullMode mode, CancellationToken ct = default)
    {
        var connectionIds = await db.OcpiConnections.AsNoTracking()
            .Where(c => (c.Status == OcpiConnectionStatus.Connected || c.Status == OcpiConnectionStatus.Failing) && c.PartnerTokenProtected != null)
            .Select(c => c.Id).ToListAsync(ct);
        var reports = new List<PullReport>();
        foreach (var connectionId in connectionIds)
        {
            foreach (var module in OcpiModules.All)
            {
                try
                {
                    reports.Add(await PullAsync(connectionId, module, mode, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Even recording the run failed (e.g. the database is away): note it and go on.
                    logger.LogError(e, "Pulling {Module} from connection {Connection} failed outright", module, connectionId);
                    reports.Add(new PullReport(connectionId, module, mode, PullOutcome.Failed, 0, 0, e.Message, null));
                }
            }
        }
        return reports;
    }

    public async Task<PullReport> PullAsync(Guid connectionId, OcpiModule module, PullMode mode, CancellationToken ct = default)
    {
        var gate = Running.GetOrAdd((connectionId, module), _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct))
            return new PullReport(connectionId, module, mode, PullOutcome.Failed, 0, 0, "a pull of this module is running already", null);
        try
        {
            return await PullCoreAsync(connectionId, module, mode, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PullReport> PullCoreAsync(Guid connectionId, OcpiModule module, PullMode mode, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var connection = await db.OcpiConnections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null)
            return new PullReport(connectionId, module, mode, PullOutcome.Failed, 0, 0, "unknown connection", null);

        var started = clock.GetUtcNow().UtcDateTime;
        var run = await recorder.BeginAsync(connectionId, module, mode, started, ct);
        var progress = new PullProgress();
        try
        {
            if (connection.Status == OcpiConnectionStatus.Revoked || partners.PartnerToken(connection) is not { } token)
                return await recorder.FinishAsync(run, PullOutcome.Failed, "this connection has no credentials to call the CPO with", null, progress, ct);

            var endpoint = await partners.EndpointAsync(connectionId, module.Identifier(), "SENDER", ct);
            if (endpoint is null && connection.DiscoveredAtUtc is null)
            {
                var discovered = await partners.TestAsync(connectionId, ct);
                if (!discovered.Succeeded)
                    return await recorder.FinishAsync(run, PullOutcome.Failed, discovered.Error!, discovered.RequestId, progress, ct);
                endpoint = await partners.EndpointAsync(connectionId, module.Identifier(), "SENDER", ct);
            }
            if (endpoint is null)
                return await recorder.FinishAsync(run, PullOutcome.NotOffered, $"the CPO offers no {module.Identifier()} SENDER interface", null, progress, ct);

            var dateFrom = mode == PullMode.Incremental ? await recorder.NextDateFromAsync(connectionId, module, ct) : null;
            if (dateFrom is null && module == OcpiModule.Sessions)
                dateFrom = Beginning;
            // A full pull asks without date_to: objects changed during the crawl must not look gone.
            DateTime? dateTo = mode == PullMode.Incremental ? started : null;
            var first = OcpiPaging.FirstPage(endpoint, dateFrom, dateTo, options.Value.PageLimit);

            await (module switch
            {
                OcpiModule.Locations => StorePagesAsync<Contracts.Location>(run, progress, first, token, (items, c) => locations.StoreAsync(connection, items, mode, started, c), ct),
                OcpiModule.Sessions => StorePagesAsync<Contracts.Session>(run, progress, first, token, (items, c) => _sessions.StoreAsync(connectionId, items, c), ct),
                OcpiModule.Cdrs => StorePagesAsync<Contracts.Cdr>(run, progress, first, token, (items, c) => _cdrs.StoreAsync(connectionId, items, c), ct),
                OcpiModule.Tariffs => StorePagesAsync<Contracts.Tariff>(run, progress, first, token, (items, c) => tariffs.StoreAsync(connectionId, items, c), ct),
                _ => throw new ArgumentOutOfRangeException(nameof(module)),
            });
            if (mode == PullMode.Full && module == OcpiModule.Locations)
                await RetireUnlistedAsync(connection, started, ct);

            await recorder.CompleteAsync(connectionId, module, mode, started, progress.MaxSeen, ct);
            var note = progress.Refused.Count == 0 ? null : $"refused: {string.Join("; ", progress.Refused.Take(PullProgress.InNote).Select(r => r.Note))}";
            return await recorder.FinishAsync(run, PullOutcome.Succeeded, note, null, progress, ct);
        }
        catch (OcpiCallException e)
        {
            logger.LogWarning(e, "Pulling {Module} from connection {Connection} failed (request {RequestId})", module, connectionId, e.RequestId);
            db.ChangeTracker.Clear();
            var tracked = await db.OcpiConnections.FirstAsync(c => c.Id == connectionId, CancellationToken.None);
            await partners.RecordFailureAsync(tracked, e, CancellationToken.None);
            return await recorder.FinishAsync(run, PullOutcome.Failed, e.Message, e.RequestId, progress, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Pulling {Module} from connection {Connection} failed", module, connectionId);
            // Not the CPO's doing (that is an OcpiCallException above): the portal failed, so this time is unmeasured.
            await ingestHealth.RecordFailureAsync(connectionId, IngestFailureKind.Pull, started, $"{module}: {e.Message}");
            db.ChangeTracker.Clear();
            return await recorder.FinishAsync(run, PullOutcome.Failed, e.Message, null, progress, CancellationToken.None);
        }
    }

    /// <summary>Each page as the client reads it: stored, the change tracker emptied, the run's progress written.</summary>
    private async Task StorePagesAsync<T>(OcpiPullRun run, PullProgress progress, string first, string token, Func<IReadOnlyList<OcpiObject<T>>, CancellationToken, Task<StoredPage>> store, CancellationToken ct)
        where T : class
    {
        await foreach (var page in client.GetPagesAsync<T>(run.ConnectionId, first, token, ct))
        {
            var stored = await store(page.Items, ct);
            db.ChangeTracker.Clear();
            progress.Add(page.Items.Count, stored);
            await recorder.ProgressAsync(run, progress, ct);
            logger.LogDebug(PageStored, "Stored page {Page} of {Module} from connection {Connection}: {Objects} objects so far", progress.Pages, run.Module, run.ConnectionId, progress.Objects);
        }
    }

    /// <summary>Locations of this connection that the completed full pull did not list: their EVSEs become REMOVED.</summary>
    private async Task RetireUnlistedAsync(OcpiConnection connection, DateTime started, CancellationToken ct)
    {
        var after = "";
        while (true)
        {
            var batch = await db.OcpiLocationSnapshots.AsNoTracking()
                .Where(s => s.ConnectionId == connection.Id && (s.LastListedAtUtc == null || s.LastListedAtUtc < started) && string.Compare(s.LocationSourceId, after) > 0)
                .OrderBy(s => s.LocationSourceId).Select(s => s.LocationSourceId).Take(ReconcileBatch).ToListAsync(ct);
            foreach (var sourceId in batch)
                await receiver.RetireUnlistedAsync(connection, sourceId, started, ct);
            db.ChangeTracker.Clear();
            if (batch.Count < ReconcileBatch)
                return;
            after = batch[^1];
        }
    }

}

/// <summary>How far a pull got: pages, objects, the newest last_updated, how many objects were refused or flagged, and the first refusals.</summary>
public sealed class PullProgress
{
    /// <summary>How many refused objects the run's (English) note names.</summary>
    public const int InNote = 5;

    /// <summary>How many refused objects are kept with their reasons.</summary>
    public const int Kept = 50;

    public int Pages { get; private set; }
    public int Objects { get; private set; }
    public int RefusedCount { get; private set; }
    public int Flagged { get; private set; }
    public DateTime? MaxSeen { get; private set; }
    public List<Refusal> Refused { get; } = [];

    public void Add(int objects, StoredPage stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Pages++;
        Objects += objects;
        RefusedCount += stored.Refused.Count;
        Flagged += stored.Flagged;
        if (stored.MaxLastUpdated is { } seen && (MaxSeen is null || seen > MaxSeen))
            MaxSeen = seen;
        if (Refused.Count < Kept)
            Refused.AddRange(stored.Refused.Take(Kept - Refused.Count));
    }
}

/// <summary>What one pull came to; <see cref="Refused"/> and <see cref="Flagged"/> count objects refused and stored with deviations.</summary>
public sealed record PullReport(Guid ConnectionId, OcpiModule Module, PullMode Mode, PullOutcome Outcome, int Pages, int Objects, string? Message, string? FailedRequestId)
{
    public int Refused { get; init; }
    public int Flagged { get; init; }
}
