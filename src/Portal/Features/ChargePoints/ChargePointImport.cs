using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Municipalities;
using Portal.Features.Accounts;
using Portal.Features.Map;
using Portal.Integration.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Features.ChargePoints;

/// <summary>
/// Loads a municipality's charge locations from a file: the NDW open-data CSV (with an optional
/// EVSE file) or GeoJSON. Used by the officer's upload page, the import command and the demo.
/// </summary>
internal sealed class ChargePointImport(PortalDbContext db, ChargeLocationImporter importer, MapIndexCache mapIndexes, TenantAccess tenants)
{
    public const long MaxFileBytes = 30 * 1024 * 1024;

    /// <summary>The file types an upload may have; the name's extension says which reader reads it.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".geojson", ".json"];

    /// <summary>The municipalities an officer may load charge points into: their own.</summary>
    public async Task<IReadOnlyList<Municipality>> MunicipalitiesOfAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        return await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name).ToListAsync(ct);
    }

    /// <summary>
    /// An officer's upload into one of their municipalities: an NDW CSV (with the optional EVSE file)
    /// or GeoJSON, by the file's name. Null when the name says neither.
    /// </summary>
    public async Task<ImportReport?> ImportUploadAsync(ClaimsPrincipal officer, Guid municipalityId, string fileName, Stream file, Stream? evses, CancellationToken ct = default)
    {
        var ids = await tenants.MunicipalitiesOfAsync(officer, ct);
        if (!ids.Contains(municipalityId))
            throw new UnauthorizedAccessException("Not an officer of this municipality.");
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == municipalityId, ct);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => await ImportCsvAsync(municipality, file, evses, ct),
            ".geojson" or ".json" => await ImportGeoJsonAsync(municipality, file, ct),
            _ => null,
        };
    }

    public async Task<ImportReport> ImportCsvAsync(Municipality municipality, Stream locations, Stream? evses, CancellationToken ct = default)
    {
        using var locationReader = new StreamReader(locations, Encoding.UTF8);
        using var evseReader = evses is null ? null : new StreamReader(evses, Encoding.UTF8);
        var read = NdwChargePointCsv.Read(locationReader, evseReader);
        var rejected = read.Rejected.ToList();
        var rows = new List<ImportRow>();
        foreach (var row in read.Rows)
        {
            if (!string.IsNullOrEmpty(row.MunicipalityCode) && row.MunicipalityCode != municipality.Code.Value)
                rejected.Add(new RejectedRow(row.Line, row.Details.SourceId, $"belongs to {row.MunicipalityCode}, not {municipality.Code.Value}"));
            else
                rows.Add(new ImportRow(row.Line, row.Details));
        }
        return await SaveAsync(municipality, rows, rejected, ct);
    }

    public async Task<ImportReport> ImportGeoJsonAsync(Municipality municipality, Stream upload, CancellationToken ct = default)
    {
        var (rows, rejected) = ChargePointGeoJson.Read(upload, MaxFileBytes);
        return await SaveAsync(municipality, rows, rejected, ct);
    }

    public Task<Municipality?> FindMunicipalityAsync(MunicipalityCode code, CancellationToken ct = default) =>
        db.Municipalities.SingleOrDefaultAsync(m => m.Code == code, ct);

    private async Task<ImportReport> SaveAsync(Municipality municipality, IReadOnlyList<ImportRow> rows, IReadOnlyList<RejectedRow> rejected, CancellationToken ct)
    {
        var report = await importer.ImportAsync(municipality, rows, rejected, ct);
        mapIndexes.InvalidateChargePoints();
        return report;
    }
}
