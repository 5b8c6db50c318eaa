using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Domain.Municipalities;
using Portal.Integration.Persistence;

namespace Portal.Integration.ChargePoints;

/// <summary>
/// Upserts the charge locations of one municipality by (source, source id). A row whose position
/// lies outside the municipality's boundary, or that breaks a domain rule, is rejected with its
/// reason; the other rows are kept.
/// </summary>
public sealed class ChargeLocationImporter(PortalDbContext db, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(Municipality municipality, IReadOnlyList<ImportRow> rows, IReadOnlyList<RejectedRow> alreadyRejected, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var boundary = municipality.BoundaryWkt is { } wkt ? MunicipalityBoundary.FromWkt(wkt) : null;
        var area = boundary?.AcceptedArea(municipality.Name);
        var sources = rows.Select(r => r.Details.Source).Distinct().ToList();
        var existing = await db.ChargeLocations.Include(l => l.Evses).ThenInclude(e => e.Connectors)
            .Where(l => l.MunicipalityId == municipality.Id && sources.Contains(l.Source))
            .ToDictionaryAsync(l => (l.Source, l.SourceId), ct);
        // Locations an OCPI connection already reports live are not imported a second time.
        var live = (await db.ChargeLocations.AsNoTracking()
                .Where(l => l.MunicipalityId == municipality.Id && l.OcpiKey != null && !sources.Contains(l.Source))
                .Select(l => l.OcpiKey!)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        int created = 0, updated = 0;
        var rejected = alreadyRejected.ToList();
        foreach (var (line, details) in rows)
        {
            if (!municipality.Covers(details.Position.Latitude, details.Position.Longitude, boundary))
            {
                rejected.Add(new RejectedRow(line, details.SourceId, string.Create(CultureInfo.InvariantCulture,
                    $"the position {details.Position.Latitude:0.######}, {details.Position.Longitude:0.######} lies outside {municipality.Name}")));
                continue;
            }
            if (!existing.ContainsKey((details.Source, details.SourceId))
                && ChargeLocation.KeyOf(details.OperatorPartyId, details.OcpiLocationId) is { } key && live.Contains(key))
            {
                rejected.Add(new RejectedRow(line, details.SourceId, $"already reported over OCPI as {key}"));
                continue;
            }
            try
            {
                var inArea = details with { Area = area };
                if (existing.TryGetValue((details.Source, details.SourceId), out var location))
                {
                    location.Apply(inArea, now);
                    updated++;
                }
                else
                {
                    location = ChargeLocation.Register(municipality.Id, inArea, now);
                    db.ChargeLocations.Add(location);
                    existing[(details.Source, details.SourceId)] = location;
                    created++;
                }
            }
            catch (DomainRuleViolated e)
            {
                rejected.Add(new RejectedRow(line, details.SourceId, e.Message));
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(created, updated, rejected.OrderBy(r => r.Line).ToList());
    }
}

/// <summary>One readable row of an import file: where it was, and what it says.</summary>
public sealed record ImportRow(int Line, ChargeLocationDetails Details);

public sealed record ImportReport(int Created, int Updated, IReadOnlyList<RejectedRow> Rejected);
