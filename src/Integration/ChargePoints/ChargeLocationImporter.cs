using Microsoft.EntityFrameworkCore;
using Portal.Domain.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Integration.ChargePoints;

/// <summary>Upserts charge locations of one municipality by (source, source id).</summary>
public sealed class ChargeLocationImporter(PortalDbContext db, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(Guid municipalityId, IReadOnlyList<ChargeLocationDetails> locations, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sources = locations.Select(l => l.Source).Distinct().ToList();
        var existing = await db.ChargeLocations.Include(l => l.Evses)
            .Where(l => l.MunicipalityId == municipalityId && sources.Contains(l.Source))
            .ToDictionaryAsync(l => (l.Source, l.SourceId), ct);

        int created = 0, updated = 0;
        foreach (var details in locations)
        {
            if (existing.TryGetValue((details.Source, details.SourceId), out var location))
            {
                location.Apply(details, now);
                updated++;
            }
            else
            {
                location = ChargeLocation.Register(municipalityId, details, now);
                db.ChargeLocations.Add(location);
                existing[(details.Source, details.SourceId)] = location;
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(created, updated);
    }
}

public sealed record ImportReport(int Created, int Updated);
