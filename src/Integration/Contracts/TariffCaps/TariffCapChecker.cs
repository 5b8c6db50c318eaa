using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;
using Portal.Integration.Persistence;

namespace Portal.Integration.Contracts.TariffCaps;

/// <summary>
/// Checks the tariffs pulled over OCPI against the caps of every contract version in force today: for each covered
/// EVSE, the tariffs its connectors name (tariff_ids in the stored location), in their latest stored version, compared
/// by <see cref="TariffAboveCaps"/>. A component above its cap becomes a <see cref="ContractFinding"/> with the tariff,
/// the component, the price, the cap and the day the version arrived; the finding's key (tariff version, component,
/// contract version) keeps an unchanged tariff from being found again. Run by the daily contract job.
/// </summary>
public sealed class TariffCapChecker(PortalDbContext db, TimeProvider clock, ILogger<TariffCapChecker> logger)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var contracts = await db.Set<Contract>().AsNoTracking()
            .Include(c => c.Municipalities).Include(c => c.Versions).Include(c => c.CoverageRules)
            .AsSplitQuery().ToListAsync(ct);
        var found = 0;
        foreach (var contract in contracts)
        {
            if (contract.VersionInForceOn(today) is not { } version || !version.Terms.TariffCaps.Any)
                continue;
            found += await CheckAsync(contract, version, today, now, ct);
        }
        if (found > 0)
            await db.SaveChangesAsync(ct);
        logger.LogInformation("Tariff caps: {Findings} new finding(s) on {Contracts} contract(s)", found, contracts.Count);
        return found;
    }

    private async Task<int> CheckAsync(Contract contract, ContractVersion version, DateOnly today, DateTime now, CancellationToken ct)
    {
        var covered = await ContractEvses.CoveredAsync(db, contract, ct);
        if (covered.Count == 0)
            return 0;
        var sourceIds = covered.Select(c => c.LocationSourceId).Distinct().ToList();
        var snapshots = await db.OcpiLocationSnapshots.AsNoTracking().Where(s => sourceIds.Contains(s.LocationSourceId))
            .Select(s => new { s.LocationSourceId, s.ConnectionId, s.RawJson }).ToListAsync(ct);

        // Which covered EVSEs use which tariff (by connection and tariff key).
        var evsesOfTariff = new Dictionary<(Guid Connection, string Key), List<EvseRef>>();
        foreach (var snapshot in snapshots)
        {
            if (ReadLocation(snapshot.RawJson) is not { } location)
                continue;
            foreach (var evse in covered.Where(c => c.LocationSourceId == snapshot.LocationSourceId))
            {
                var wire = location.Evses?.FirstOrDefault(e => e.Uid == evse.Evse.EvseUid);
                foreach (var tariffId in (wire?.Connectors ?? []).SelectMany(c => c.TariffIds ?? []).Distinct(StringComparer.Ordinal))
                {
                    var key = (snapshot.ConnectionId, $"{location.CountryCode}*{location.PartyId}*{tariffId}".ToUpperInvariant());
                    if (!evsesOfTariff.TryGetValue(key, out var list))
                        evsesOfTariff[key] = list = [];
                    list.Add(evse.Evse);
                }
            }
        }
        if (evsesOfTariff.Count == 0)
            return 0;

        var connections = evsesOfTariff.Keys.Select(k => k.Connection).Distinct().ToList();
        var keys = evsesOfTariff.Keys.Select(k => k.Key).Distinct().ToList();
        var versions = await db.OcpiTariffVersions.AsNoTracking()
            .Where(t => connections.Contains(t.ConnectionId) && keys.Contains(t.Key))
            .Select(t => new { t.Id, t.ConnectionId, t.Key, t.TariffId, t.LastUpdatedUtc, t.EndUtc, t.ReceivedAtUtc, t.RawJson }).ToListAsync(ct);
        var known = (await db.Set<ContractFinding>().AsNoTracking().Where(f => f.ContractId == contract.Id && f.Kind == ContractFindingKind.TariffAboveCap)
            .Select(f => f.DedupeKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var found = 0;
        foreach (var latest in versions.GroupBy(v => (v.ConnectionId, v.Key)).Select(g => g.MaxBy(v => v.LastUpdatedUtc)!))
        {
            if (latest.EndUtc is { } end && end <= now)
                continue;
            if (OcpiTariffPrices.Read(latest.RawJson) is not { } tariff)
                continue;
            var seen = new TariffSeen(latest.TariffId, latest.Id, latest.LastUpdatedUtc, DutchCalendar.Day(latest.ReceivedAtUtc));
            var evses = evsesOfTariff[(latest.ConnectionId, latest.Key)].Distinct().OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList();
            foreach (var comparison in TariffAboveCaps.Find(OcpiTariffPrices.Lines(tariff), version.Terms.TariffCaps))
            {
                if (!known.Add(ContractFinding.TariffKey(latest.Id, comparison.Component, version.Number)))
                    continue;
                db.Add(ContractFinding.TariffAboveCap(contract.Id, version.Number, seen, comparison, version.Terms.TariffCaps.IncludeVat, evses, today, now));
                found++;
            }
        }
        return found;
    }

    private static Location? ReadLocation(string rawJson)
    {
        try
        {
            return JsonSerializer.Deserialize<Location>(rawJson, OcpiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
