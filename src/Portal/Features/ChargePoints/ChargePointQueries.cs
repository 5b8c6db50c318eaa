using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Geography;
using Portal.Integration.Ocpi;
using Portal.Integration.Persistence;
using OcpiLocation = Portal.Integration.Ocpi.Contracts.Location;
using OcpiTariff = Portal.Integration.Ocpi.Contracts.Tariff;
using TariffRestrictions = Portal.Integration.Ocpi.Contracts.TariffRestrictions;

namespace Portal.Features.ChargePoints;

/// <summary>The public register of charge locations: search, filter, sort, page; and one location in detail.</summary>
internal sealed class ChargePointQueries(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<ChargePointResults> SearchAsync(ChargePointSearch search, CancellationToken ct = default)
    {
        // The register page is public: locations that are not open to the public stay off it.
        var query = db.ChargeLocations.AsNoTracking().Where(l => l.IsPublic)
            .Join(db.Municipalities, l => l.MunicipalityId, m => m.Id, (l, m) => new LocationWithMunicipality { Location = l, Municipality = m });

#pragma warning disable CA1304 // runs in the database: EF Core translates ToLower() to SQL lower()
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var pattern = SearchPattern.Contains(search.Text.Trim());
            query = query.Where(x => EF.Functions.Like(x.Location.Name.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(x.Location.Address.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(x.Location.City.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(x.Location.OperatorName.ToLower(), pattern, SearchPattern.Escape)
                || (x.Location.PostalCode != null && EF.Functions.Like(x.Location.PostalCode.ToLower(), pattern.Replace(" ", "", StringComparison.Ordinal), SearchPattern.Escape)));
        }
#pragma warning restore CA1304
        if (search.MunicipalityId is { } municipalityId)
            query = query.Where(x => x.Location.MunicipalityId == municipalityId);
        if (search.Status is { } status)
            query = query.Where(x => x.Location.Status == status);
        if (search.OperatorName is { Length: > 0 } operatorName)
            query = query.Where(x => x.Location.OperatorName == operatorName);

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Clamp(search.Page, 1, pageCount);

        if (search.From is { } from)
        {
            // Distance order: the database filters, the RD metres it returns give exact distances here.
            var positions = await query.Select(x => new { x.Location.Id, x.Location.RdX, x.Location.RdY }).ToListAsync(ct);
            var pageOfIds = positions
                .Select(p => (p.Id, Distance: from.DistanceToRd(p.RdX, p.RdY)))
                .OrderBy(p => p.Distance).ThenBy(p => p.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToList();
            var ids = pageOfIds.Select(p => p.Id).ToList();
            var byId = (await Rows(query.Where(x => ids.Contains(x.Location.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
            var nearestFirst = pageOfIds.Select(p => byId[p.Id] with { DistanceMetres = p.Distance }).ToList();
            return new ChargePointResults(nearestFirst, total, page, pageCount);
        }

        query = (search.Sort, search.Descending) switch
        {
            ("operator", false) => query.OrderBy(x => x.Location.OperatorName).ThenBy(x => x.Location.Address),
            ("operator", true) => query.OrderByDescending(x => x.Location.OperatorName).ThenBy(x => x.Location.Address),
            ("vermogen", false) => query.OrderBy(x => x.Location.MaxPowerWatts).ThenBy(x => x.Location.Address),
            ("vermogen", true) => query.OrderByDescending(x => x.Location.MaxPowerWatts).ThenBy(x => x.Location.Address),
            ("status", false) => query.OrderBy(x => x.Location.Status).ThenBy(x => x.Location.Address),
            ("status", true) => query.OrderByDescending(x => x.Location.Status).ThenBy(x => x.Location.Address),
            (_, true) => query.OrderByDescending(x => x.Location.Address).ThenByDescending(x => x.Location.Id),
            _ => query.OrderBy(x => x.Location.Address).ThenBy(x => x.Location.Id),
        };
        var rows = await Rows(query.Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new ChargePointResults(rows, total, page, pageCount);
    }

    private static IQueryable<ChargePointRow> Rows(IQueryable<LocationWithMunicipality> query) =>
        query.Select(x => new ChargePointRow(
            x.Location.Id, x.Location.Name, x.Location.Address, x.Location.PostalCode, x.Location.City,
            x.Municipality.Name, x.Location.OperatorName, x.Location.MaxPowerWatts, x.Location.Status,
            x.Location.Evses.Count(e => e.Status != EvseStatus.Removed), null));

    public async Task<IReadOnlyList<MunicipalityOption>> MunicipalitiesWithChargePointsAsync(CancellationToken ct = default) =>
        await db.Municipalities.AsNoTracking()
            .Where(m => db.ChargeLocations.Any(l => l.MunicipalityId == m.Id))
            .OrderBy(m => m.Name)
            .Select(m => new MunicipalityOption(m.Id, m.Name))
            .ToListAsync(ct);

    public async Task<ChargePointDetail?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var location = await db.ChargeLocations.AsNoTracking().Include(l => l.Evses).ThenInclude(e => e.Connectors).SingleOrDefaultAsync(l => l.Id == id && l.IsPublic, ct);
        if (location is null)
            return null;
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == location.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var evses = location.Evses.OrderBy(e => e.EvseId ?? e.Uid, StringComparer.Ordinal).ToList();
        return new ChargePointDetail(location, municipality, evses, await TariffsAsync(location, evses, ct));
    }

    /// <summary>
    /// The tariffs the CPO publishes for the location's EVSEs (public data): the tariff ids its connectors name in the
    /// stored OCPI location, each in its latest pulled version that has started and not ended. Only what the CPO sent;
    /// nothing of a contract. None for a location that did not come over OCPI or whose tariffs were not pulled.
    /// </summary>
    private async Task<IReadOnlyList<PublicTariff>> TariffsAsync(ChargeLocation location, IReadOnlyList<Evse> evses, CancellationToken ct)
    {
        var snapshots = await db.OcpiLocationSnapshots.AsNoTracking().Where(s => s.LocationSourceId == location.SourceId)
            .Select(s => new { s.ConnectionId, s.RawJson }).ToListAsync(ct);
        var shown = evses.Where(e => e.Status != EvseStatus.Removed).ToDictionary(e => e.Uid, e => e.EvseId ?? e.Uid, StringComparer.Ordinal);
        var evsesOfTariff = new Dictionary<(Guid Connection, string Key), SortedSet<string>>();
        foreach (var snapshot in snapshots)
        {
            if (Read<OcpiLocation>(snapshot.RawJson) is not { } wire)
                continue;
            foreach (var evse in wire.Evses ?? [])
            {
                if (!shown.TryGetValue(evse.Uid, out var name))
                    continue;
                foreach (var tariffId in (evse.Connectors ?? []).SelectMany(c => c.TariffIds ?? []))
                {
                    var key = (snapshot.ConnectionId, $"{wire.CountryCode}*{wire.PartyId}*{tariffId}".ToUpperInvariant());
                    if (!evsesOfTariff.TryGetValue(key, out var names))
                        evsesOfTariff[key] = names = new SortedSet<string>(StringComparer.Ordinal);
                    names.Add(name);
                }
            }
        }
        if (evsesOfTariff.Count == 0)
            return [];

        var connections = evsesOfTariff.Keys.Select(k => k.Connection).Distinct().ToList();
        var keys = evsesOfTariff.Keys.Select(k => k.Key).Distinct().ToList();
        var versions = await db.OcpiTariffVersions.AsNoTracking().Where(t => connections.Contains(t.ConnectionId) && keys.Contains(t.Key))
            .Select(t => new { t.ConnectionId, t.Key, t.LastUpdatedUtc, t.StartUtc, t.EndUtc, t.RawJson }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var tariffs = new List<PublicTariff>();
        foreach (var latest in versions.GroupBy(v => (v.ConnectionId, v.Key)).Select(g => g.MaxBy(v => v.LastUpdatedUtc)!))
        {
            if (latest.StartUtc > now || latest.EndUtc <= now || Read<OcpiTariff>(latest.RawJson) is not { } tariff)
                continue;
            var elements = (tariff.Elements ?? []).Select(e => new PublicTariffElement(
                (e.PriceComponents ?? []).Select(p => new PublicTariffPrice(p.Type, p.Price, p.Vat, p.StepSize)).ToList(), e.Restrictions))
                .Where(e => e.Prices.Count > 0).ToList();
            var altTexts = (tariff.TariffAltText ?? []).GroupBy(t => t.Language.ToLowerInvariant(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
            tariffs.Add(new PublicTariff(tariff.Id, tariff.Currency, tariff.Type, altTexts, elements, latest.LastUpdatedUtc,
                evsesOfTariff[(latest.ConnectionId, latest.Key)].ToList()));
        }
        return tariffs.OrderBy(t => t.TariffId, StringComparer.Ordinal).ToList();
    }

    private static T? Read<T>(string rawJson) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(rawJson, OcpiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record ChargePointSearch(string? Text, Guid? MunicipalityId, LocationStatus? Status, string? OperatorName, string? Sort, bool Descending, int Page, Coordinate? From = null);

internal sealed class LocationWithMunicipality
{
    public required ChargeLocation Location { get; init; }
    public required Domain.Municipalities.Municipality Municipality { get; init; }
}

public sealed record ChargePointRow(Guid Id, string Name, string Address, string? PostalCode, string City, string Municipality, string OperatorName, int? MaxPowerWatts, LocationStatus Status, int EvseCount, double? DistanceMetres);

public sealed record ChargePointResults(IReadOnlyList<ChargePointRow> Rows, int Total, int Page, int PageCount);

public sealed record MunicipalityOption(Guid Id, string Name);

public sealed record ChargePointDetail(ChargeLocation Location, string Municipality, IReadOnlyList<Evse> Evses, IReadOnlyList<PublicTariff> Tariffs);

/// <summary>
/// A tariff as the CPO publishes it over OCPI: its currency and type, texts per language, the price elements (each
/// with the conditions under which it applies) and the EVSEs (by their shown id) whose connectors name it.
/// </summary>
public sealed record PublicTariff(string TariffId, string Currency, string? Type, IReadOnlyDictionary<string, string> AltTexts,
    IReadOnlyList<PublicTariffElement> Elements, DateTime LastUpdatedUtc, IReadOnlyList<string> Evses);

public sealed record PublicTariffElement(IReadOnlyList<PublicTariffPrice> Prices, TariffRestrictions? Restrictions);

/// <summary>One price component: OCPI type (ENERGY per kWh, FLAT per session, TIME and PARKING_TIME per hour), price excluding VAT, the VAT percentage (none: no VAT applies) and the step size.</summary>
public sealed record PublicTariffPrice(string Component, decimal PriceExclVat, decimal? VatPercent, int StepSize)
{
    public decimal? PriceInclVat => VatPercent is { } vat ? Math.Round(PriceExclVat * (1 + vat / 100m), 4, MidpointRounding.AwayFromZero) : null;
}
