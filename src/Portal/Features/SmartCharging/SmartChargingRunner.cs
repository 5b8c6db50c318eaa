using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audits.SmartCharging;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Hosting;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Persistence;
using Portal.Jobs;

namespace Portal.Features.SmartCharging;

/// <summary>
/// Runs smart-charging compliance tests: starting one draws active sessions on the contract's covered EVSEs, queues a
/// SetChargingProfile for each through <see cref="ChargingProfileSender"/> (delivered, answered and its result recorded
/// by the existing round trip) and keeps the run; completing reads back the answers, results and CDRs, and once all
/// are in (or the wait is over: what did not come counts as not come) judges the run; a failed run becomes a finding.
/// </summary>
internal sealed class SmartChargingRunner(
    PortalDbContext db,
    ChargingProfileSender sender,
    OcpiCallStarter calls,
    PublicUrl publicUrl,
    IOptions<SmartChargingOptions> options,
    TimeProvider clock,
    ILogger<SmartChargingRunner> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts a run for the contract, or throws <see cref="DomainRuleViolated"/> saying why it cannot.</summary>
    public async Task<Guid> StartAsync(Guid contractId, string startedBy, CancellationToken ct = default)
    {
        var settings = options.Value;
        var contract = await ContractAsync(contractId, ct) ?? throw new DomainRuleViolated(DomainRule.SmartChargingNotRequired, "No such contract.");
        var today = DutchCalendar.Day(Now);
        var version = contract.VersionInForceOn(today) ?? throw new DomainRuleViolated(DomainRule.SmartChargingNotRequired, "No version of the contract is in force.");
        var profile = SmartChargingTestProfile.For(version.Terms.SmartCharging, settings.ProfileMinutes * 60, contract.Reference, today);
        if (await db.SmartChargingTestRuns.AnyAsync(r => r.ContractId == contractId && r.CompletedAtUtc == null, ct))
            throw new DomainRuleViolated(DomainRule.SmartChargingRunOpen, "A test of this contract is still running.");
        var connection = await ConnectionAsync(contract.OperatorId, ct)
            ?? throw new DomainRuleViolated(DomainRule.SmartChargingNoSessions, "The operator has no OCPI connection to send profiles on.");

        // Covered EVSEs are named by their OCPI location id and uid, as the CPO's sessions and locations name them (ids are CiStrings).
        var set = await ContractEvses.ResolveAsync(db, contract, ct);
        var covered = set.Covered.Where(e => e.EvseUid is not null).ToDictionary(Key);
        var party = await db.Operators.AsNoTracking().Where(o => o.Id == contract.OperatorId).Select(o => o.PartyId).SingleAsync(ct);
        var prefix = party is { } p ? $"{p.CountryCode}*{p.PartyId}*".ToUpperInvariant() : "";
        var capable = await CapableAsync(prefix, covered.Keys.Select(k => prefix + k.Location).Distinct().ToList(), ct);
        var capableCovered = covered.Where(c => capable.Contains(c.Key)).Select(c => c.Value).ToHashSet();
        var sessions = await db.OcpiSessions.AsNoTracking().Where(s => s.ConnectionId == connection && s.Status == "ACTIVE")
            .Select(s => new { s.LocationId, s.EvseUid, s.SessionId }).ToListAsync(ct);
        var candidates = sessions
            .Select(s => (Key: Key(new EvseRef(s.LocationId, s.EvseUid)), s.SessionId))
            .Where(s => covered.ContainsKey(s.Key))
            .Select(s => new SessionCandidate(covered[s.Key], s.SessionId))
            .ToList();
        var seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 11;
        var sample = SmartChargingSampling.Draw(candidates, settings.SampleSize, seed);
        var setup = new SmartChargingRunSetup(contract.Id, contract.OperatorId, connection, seed, settings.SampleSize, candidates.Select(c => c.Evse).Distinct().Count(),
            profile, settings.TolerancePercent, set.Covered.Count, capableCovered.Count);
        var run = SmartChargingTestRun.Start(setup, sample, capableCovered, startedBy, Now, TimeSpan.FromMinutes(settings.WaitMinutes));

        var requests = new List<ChargingProfileRequest>();
        foreach (var evse in run.Evses)
        {
            var request = await sender.QueueSetAsync(connection, evse.SessionId, profile.LimitWatts, "W", publicUrl.Root, startedBy, profile.DurationSeconds, ct);
            evse.Sent(request.Id);
            requests.Add(request);
        }
        db.SmartChargingTestRuns.Add(run);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Smart-charging test {Run} of contract {Contract}: {Count} profile(s) of {Limit} kW queued", run.Id, contract.Reference, requests.Count, profile.LimitKw);
        foreach (var request in requests)
            await calls.StartAsync(request, ct);
        return run.Id;
    }

    /// <summary>Reads back what came for every open run, and completes those that have everything or waited long enough; returns how many completed.</summary>
    public async Task<int> CompleteDueAsync(CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var open = await db.SmartChargingTestRuns.Include(r => r.Evses).Where(r => r.CompletedAtUtc == null).ToListAsync(ct);
        var completed = 0;
        foreach (var run in open)
        {
            var allIn = await ObserveAsync(run, ct);
            if (!allIn && Now < run.WaitUntilUtc)
            {
                await db.SaveChangesAsync(ct);
                continue;
            }
            var contract = await ContractAsync(run.ContractId, ct);
            var version = contract?.VersionInForceOn(DutchCalendar.Day(run.StartedAtUtc)) ?? contract?.LatestSigned;
            var attached = version?.Requirements.Select(r => (r.SetId, r.Code)).ToList() ?? [];
            var finding = run.Complete(attached, DutchCalendar.Day(Now), Now);
            if (finding is not null && !await db.Set<ContractFinding>().AnyAsync(f => f.ContractId == finding.ContractId && f.DedupeKey == finding.DedupeKey, ct))
                db.Add(finding);
            await db.SaveChangesAsync(ct);
            completed++;
            logger.LogInformation("Smart-charging test {Run} completed: {Verdict}", run.Id, run.Verdict);
        }
        return completed;
    }

    /// <summary>Starts a run for every contract in force with a smart-charging obligation and no run under way; returns how many started.</summary>
    public async Task<int> StartScheduledAsync(CancellationToken ct = default)
    {
        var today = DutchCalendar.Day(Now);
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Versions).AsSplitQuery().ToListAsync(ct);
        var started = 0;
        foreach (var contract in contracts.Where(c => c.VersionInForceOn(today)?.Terms.SmartCharging is { Required: true, PowerCapKw: > 0 }))
        {
            try
            {
                await StartAsync(contract.Id, "scheduled", ct);
                started++;
            }
            catch (DomainRuleViolated e)
            {
                logger.LogInformation("Smart-charging test of contract {Contract} not started: {Reason}", contract.Reference, e.Message);
            }
        }
        return started;
    }

    /// <summary>Records each EVSE's answer, result, latency and measured power; true when nothing more is to come.</summary>
    private async Task<bool> ObserveAsync(SmartChargingTestRun run, CancellationToken ct)
    {
        var ids = run.Evses.Select(e => e.ProfileRequestId).OfType<Guid>().ToList();
        var requests = await db.ChargingProfileRequests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var sessionIds = run.Evses.Select(e => e.SessionId).ToList();
        var cdrs = await db.OcpiCdrs.AsNoTracking()
            .Where(c => c.ConnectionId == run.ConnectionId && c.SessionId != null && sessionIds.Contains(c.SessionId) && !c.Credit)
            .Select(c => new { c.SessionId, c.EndUtc, c.ChargingPeriodsJson }).ToListAsync(ct);
        var allIn = true;
        foreach (var evse in run.Evses)
        {
            var request = evse.ProfileRequestId is { } id ? requests.GetValueOrDefault(id) : null;
            var inTime = request?.State == ChargingProfileRequestState.ResultReceived;
            var cdr = cdrs.FirstOrDefault(c => c.SessionId == evse.SessionId);
            var measured = cdr is null ? null : ChargingPeriodPower.MaxPowerKw(Periods(cdr.ChargingPeriodsJson), cdr.EndUtc, run.StartedAtUtc, run.ProfileEndsAtUtc);
            evse.Observe(request?.SyncResult, inTime ? request!.AsyncResult : null, inTime ? request!.DelayMilliseconds : null, measured, run.LimitKw, run.TolerancePercent);
            var accepted = request?.SyncResult == SmartChargingAnswers.Accepted;
            var waiting = request?.State is ChargingProfileRequestState.Queued or ChargingProfileRequestState.Sending
                || (accepted && request!.State == ChargingProfileRequestState.Answered)
                || (accepted && cdr is null);
            allIn &= !waiting;
        }
        return allIn;
    }

    /// <summary>The charging periods of a CDR as OCPI JSON: start, ENERGY (kWh), and MAX_POWER or else POWER (kW).</summary>
    internal static IReadOnlyList<MeasuredPeriod> Periods(string json)
    {
        var periods = new List<MeasuredPeriod>();
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            return periods;
        foreach (var period in document.RootElement.EnumerateArray())
        {
            if (period.ValueKind != JsonValueKind.Object || !period.TryGetProperty("start_date_time", out var start)
                || start.ValueKind != JsonValueKind.String || !OcpiJson.TryParseDateTime(start.GetString(), out var startUtc))
                continue;
            decimal? Volume(string type) => period.TryGetProperty("dimensions", out var dimensions) && dimensions.ValueKind == JsonValueKind.Array
                ? dimensions.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == type
                        && d.TryGetProperty("volume", out var v) && v.ValueKind == JsonValueKind.Number)
                    .Select(d => (decimal?)d.GetProperty("volume").GetDecimal()).FirstOrDefault()
                : null;
            periods.Add(new MeasuredPeriod(startUtc, Volume("ENERGY"), Volume("MAX_POWER") ?? Volume("POWER")));
        }
        return periods;
    }

    private Task<Contract?> ContractAsync(Guid contractId, CancellationToken ct) =>
        db.Contracts.AsNoTracking().Include(c => c.Municipalities).Include(c => c.Versions).ThenInclude(v => v.Requirements).Include(c => c.CoverageRules)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contractId, ct);

    /// <summary>The operator's live OCPI connection (connected before failing; never a revoked one).</summary>
    private async Task<Guid?> ConnectionAsync(Guid operatorId, CancellationToken ct)
    {
        var party = await db.Operators.AsNoTracking().Where(o => o.Id == operatorId).Select(o => o.PartyId).SingleOrDefaultAsync(ct);
        if (party is not { } p)
            return null;
        var connections = await db.OcpiConnections.AsNoTracking()
            .Where(c => c.CountryCode == p.CountryCode && c.PartyId == p.PartyId && c.Status != OcpiConnectionStatus.Revoked)
            .Select(c => new { c.Id, c.Status }).ToListAsync(ct);
        return connections.OrderBy(c => c.Status == OcpiConnectionStatus.Connected ? 0 : 1).Select(c => (Guid?)c.Id).FirstOrDefault();
    }

    private static (string Location, string Uid) Key(EvseRef evse) => (evse.LocationId.ToUpperInvariant(), (evse.EvseUid ?? "").ToUpperInvariant());

    /// <summary>(location id, EVSE uid), upper case, of every EVSE whose latest OCPI location lists CHARGING_PROFILE_CAPABLE.</summary>
    private async Task<HashSet<(string Location, string Uid)>> CapableAsync(string prefix, List<string> sources, CancellationToken ct)
    {
        var capable = new HashSet<(string, string)>();
        var snapshots = await db.OcpiLocationSnapshots.AsNoTracking().Where(s => sources.Contains(s.LocationSourceId))
            .Select(s => new { s.LocationSourceId, s.RawJson }).ToListAsync(ct);
        foreach (var snapshot in snapshots)
        {
            using var document = JsonDocument.Parse(snapshot.RawJson);
            if (!document.RootElement.TryGetProperty("evses", out var evses) || evses.ValueKind != JsonValueKind.Array)
                continue;
            var location = snapshot.LocationSourceId[prefix.Length..];
            foreach (var evse in evses.EnumerateArray())
            {
                if (evse.ValueKind == JsonValueKind.Object && evse.TryGetProperty("uid", out var uid) && uid.ValueKind == JsonValueKind.String
                    && evse.TryGetProperty("capabilities", out var capabilities) && capabilities.ValueKind == JsonValueKind.Array
                    && capabilities.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == "CHARGING_PROFILE_CAPABLE"))
                    capable.Add((location, uid.GetString()!.ToUpperInvariant()));
            }
        }
        return capable;
    }
}
