using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Municipalities;
using Portal.Features.Map;
using Portal.Integration.ChargePoints;
using Portal.Integration.Persistence;

namespace Portal.Features.ChargePoints;

/// <summary>
/// Loads a municipality's charge locations from a file: the NDW open-data CSV (with an optional
/// EVSE file) or GeoJSON. Used by the officer's upload page, the import command and the demo.
/// </summary>
internal sealed class ChargePointImport(PortalDbContext db, ChargeLocationImporter importer, MapIndexCache mapIndexes)
{
    public const long MaxFileBytes = 30 * 1024 * 1024;

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
