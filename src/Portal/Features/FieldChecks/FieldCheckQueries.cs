using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Audits.FieldChecks;
using Portal.Integration.Csv;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.FieldChecks;

/// <summary>A sample in the list: when and by whom drawn, over what, its size and seed, and how many checklists are completed.</summary>
internal sealed record FieldCheckSampleRow(Guid Id, DateTime DrawnAtUtc, string DrawnByName, string MunicipalityName, string? ContractReference,
    int Requested, int PopulationSize, int Locations, int Completed, ulong Seed);

internal sealed record FieldCheckSampleList(IReadOnlyList<FieldCheckSampleRow> Rows, int Total, bool CanDraw);

/// <summary>A sample with its strata, locations (with their items and photos) and history, and whether the reader may fill it in.</summary>
internal sealed record FieldCheckSampleView(FieldCheckSample Sample, string MunicipalityName, string? ContractReference, bool CanFill);

/// <summary>A file stored with a photo, for the download.</summary>
internal sealed record FieldCheckPhotoFile(string FileName, string ContentType, string StorageKey);

/// <summary>The read side of field checks, for officers of the sample's municipality and administrators; anything else reads as not there.</summary>
internal sealed class FieldCheckQueries(PortalDbContext db, FieldCheckAccess access, IStringLocalizer<Texts> T)
{
    public async Task<FieldCheckSampleList> ListAsync(ClaimsPrincipal user, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var samples = db.Set<FieldCheckSample>().AsNoTracking().Where(s => viewer.IsAdmin || viewer.Municipalities.Contains(s.MunicipalityId));
        var total = await samples.CountAsync(ct);
        var rows = await samples.OrderByDescending(s => s.DrawnAtUtc).Skip(pageIndex * pageSize).Take(pageSize)
            .Select(s => new
            {
                s.Id, s.DrawnAtUtc, s.DrawnByName, s.Requested, s.PopulationSize, s.Seed,
                Municipality = db.Municipalities.Where(m => m.Id == s.MunicipalityId).Select(m => m.Name).Single(),
                Contract = db.Contracts.Where(c => c.Id == s.ContractId).Select(c => c.Reference).SingleOrDefault(),
                Locations = s.Locations.Count,
                Completed = s.Locations.Count(l => l.CompletedAtUtc != null),
            }).ToListAsync(ct);
        return new FieldCheckSampleList(
            rows.Select(r => new FieldCheckSampleRow(r.Id, r.DrawnAtUtc, r.DrawnByName, r.Municipality, r.Contract, r.Requested, r.PopulationSize, r.Locations, r.Completed, unchecked((ulong)r.Seed))).ToList(),
            total, viewer.Municipalities.Count > 0);
    }

    /// <summary>The sample with every location, its items and its photos (their names, not their files); with <paramref name="position"/>, null unless the sample has that location.</summary>
    public async Task<FieldCheckSampleView?> SampleAsync(ClaimsPrincipal user, Guid id, int? position = null, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var sample = await db.Set<FieldCheckSample>().AsNoTracking()
            .Include(s => s.Strata).Include(s => s.History)
            .Include(s => s.Locations).ThenInclude(l => l.Items)
            .Include(s => s.Locations).ThenInclude(l => l.Photos)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (sample is null || !viewer.CanRead(sample) || (position is { } p && sample.Locations.All(l => l.Position != p)))
            return null;
        var municipality = await db.Municipalities.Where(m => m.Id == sample.MunicipalityId).Select(m => m.Name).SingleAsync(ct);
        var contract = sample.ContractId is { } contractId ? await db.Contracts.Where(c => c.Id == contractId).Select(c => c.Reference).SingleOrDefaultAsync(ct) : null;
        return new FieldCheckSampleView(sample, municipality, contract, viewer.CanFill(sample));
    }

    public async Task<FieldCheckPhotoFile?> PhotoAsync(ClaimsPrincipal user, Guid id, Guid photoId, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var sample = await db.Set<FieldCheckSample>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (sample is null || !viewer.CanRead(sample))
            return null;
        return await db.Set<FieldCheckPhoto>().AsNoTracking()
            .Where(p => p.Id == photoId && db.Set<SampledLocation>().Any(l => l.Id == p.SampledLocationId && l.SampleId == id))
            .Select(p => new FieldCheckPhotoFile(p.FileName, p.ContentType, p.StorageKey)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The results as CSV (semicolon, for Dutch spreadsheets): one line per checklist item, with the sample's seed on every line.</summary>
    public async Task<byte[]?> CsvAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (await SampleAsync(user, id, null, ct) is not { } view)
            return null;
        const char separator = ';';
        var csv = new StringBuilder();
        CsvWriting.Line(csv, ["seed", "position", "location", "name", "address", "cpo", "district_pc4", "power_class", "completed_at", "completed_by",
            "contract", "requirement", "result", "note", "filled_by", "filled_at"], separator);
        var seed = view.Sample.SeedValue.ToString(CultureInfo.InvariantCulture);
        foreach (var location in view.Sample.Locations.OrderBy(l => l.Position))
        {
            string[] head = [seed, location.Position.ToString(CultureInfo.InvariantCulture), location.LocationKey, location.Name, location.Address, location.Cpo,
                location.District, T[$"PowerClass.{location.PowerClass}"], Stamp(location.CompletedAtUtc), location.CompletedByName ?? ""];
            if (location.Items.Count == 0)
                CsvWriting.Line(csv, [.. head, "", "", "", "", "", ""], separator);
            foreach (var item in location.Items.OrderBy(i => i.Number))
            {
                CsvWriting.Line(csv, [.. head, item.ContractReference, $"{item.SetId} {item.Code}", item.Result?.ToString() ?? "", item.Note ?? "",
                    item.FilledByName ?? "", Stamp(item.FilledAtUtc)], separator);
            }
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    private static string Stamp(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
