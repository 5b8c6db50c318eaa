using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Components.BackOffice;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Requirements;
using Portal.Integration.Contracts;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Persistence;
using Portal.Integration.Requirements;

namespace Portal.Features.Contracts;

/// <summary>
/// What the contract pages read, limited to what the reader may see (<see cref="ContractAccess"/>). A contract's status
/// is computed from its versions, so the list is filtered on status and sorted in memory: a region has tens or
/// hundreds of contracts, not millions.
/// </summary>
internal sealed class ContractQueries(PortalDbContext db, ContractAccess access, IRequirementCatalogue catalogue, IContractEvidence evidence, TimeProvider clock)
{
    public DateOnly Today => DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);

    public async Task<GridPage<ContractRow>> ListAsync(ClaimsPrincipal user, GridQuery grid, ContractFilter filter, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var query = Readable(db.Contracts.AsNoTracking(), viewer);
        if (filter.Kind is { } kind)
            query = query.Where(c => c.Kind == kind);
        if (filter.OperatorId is { } operatorId)
            query = query.Where(c => c.OperatorId == operatorId);
        if (filter.MunicipalityId is { } municipalityId)
            query = query.Where(c => c.Municipalities.Any(m => m.MunicipalityId == municipalityId));
        if (!string.IsNullOrWhiteSpace(grid.Search))
        {
            var pattern = $"%{grid.Search.Trim()}%";
            query = query.Where(c => EF.Functions.Like(c.Reference, pattern) || (c.LotName != null && EF.Functions.Like(c.LotName, pattern)));
        }
        var contracts = await query.Include(c => c.Municipalities).Include(c => c.Versions).AsSplitQuery().ToListAsync(ct);
        var names = await MunicipalityNamesAsync(contracts.SelectMany(c => c.MunicipalityIds), ct);
        var operatorIds = contracts.Select(c => c.OperatorId).Distinct().ToList();
        var operators = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var today = Today;
        var rows = contracts.Select(c =>
        {
            var shown = c.VersionInForceOn(today) ?? c.LatestSigned ?? c.DraftVersion;
            return new ContractRow(c.Id, c.Reference, c.Kind, operators.GetValueOrDefault(c.OperatorId, ""), c.LotName, names.GetValueOrDefault(c.LeadMunicipalityId, ""),
                c.MunicipalityIds.Select(id => names.GetValueOrDefault(id, "")).Order(StringComparer.CurrentCulture).ToList(),
                c.StatusOn(today), shown?.StartsOn, shown?.EndsOn, c.UpdatedAtUtc);
        });
        if (filter.Status is { } status)
            rows = rows.Where(r => r.Status == status);
        IEnumerable<ContractRow> sorted = (grid.SortKey, grid.Descending) switch
        {
            ("reference", false) => rows.OrderBy(r => r.Reference, StringComparer.CurrentCultureIgnoreCase),
            ("reference", true) => rows.OrderByDescending(r => r.Reference, StringComparer.CurrentCultureIgnoreCase),
            ("operatorname", false) => rows.OrderBy(r => r.OperatorName, StringComparer.CurrentCultureIgnoreCase),
            ("operatorname", true) => rows.OrderByDescending(r => r.OperatorName, StringComparer.CurrentCultureIgnoreCase),
            ("startson", false) => rows.OrderBy(r => r.StartsOn ?? DateOnly.MaxValue),
            ("startson", true) => rows.OrderByDescending(r => r.StartsOn ?? DateOnly.MinValue),
            ("endson", false) => rows.OrderBy(r => r.EndsOn ?? DateOnly.MaxValue),
            ("endson", true) => rows.OrderByDescending(r => r.EndsOn ?? DateOnly.MinValue),
            ("updatedatutc", false) => rows.OrderBy(r => r.UpdatedAtUtc),
            // Most recently changed first.
            _ => rows.OrderByDescending(r => r.UpdatedAtUtc),
        };
        var list = sorted.ToList();
        return new GridPage<ContractRow>(list.Skip(grid.Skip).Take(grid.PageSize).ToList(), list.Count);
    }

    /// <summary>The operators and municipalities the list can be filtered on: those of the contracts the reader sees.</summary>
    public async Task<(IReadOnlyList<ContractChoice> Operators, IReadOnlyList<ContractChoice> Municipalities)> FilterChoicesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var readable = Readable(db.Contracts.AsNoTracking(), viewer);
        var operatorIds = readable.Select(c => c.OperatorId);
        var municipalityIds = db.Set<ContractMunicipality>().Where(m => readable.Select(c => c.Id).Contains(m.ContractId)).Select(m => m.MunicipalityId);
        var operators = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new ContractChoice(o.Id, o.Name)).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => municipalityIds.Contains(m.Id)).OrderBy(m => m.Name).Select(m => new ContractChoice(m.Id, m.Name)).ToListAsync(ct);
        return (operators, municipalities);
    }

    /// <summary>What the new-contract page offers: every operator, every municipality, and the officer's own (the lead is one of them).</summary>
    public async Task<(IReadOnlyList<ContractChoice> Operators, IReadOnlyList<ContractChoice> Municipalities, IReadOnlyList<Guid> Own)> CreateChoicesAsync(ClaimsPrincipal officer, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(officer, ct);
        var operators = await db.Operators.AsNoTracking().OrderBy(o => o.Name).Select(o => new ContractChoice(o.Id, o.Name)).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new ContractChoice(m.Id, m.Name)).ToListAsync(ct);
        return (operators, municipalities, viewer.Municipalities);
    }

    /// <summary>The contract page, or null when the reader may not see the contract.</summary>
    public async Task<ContractView?> ViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var viewer = await access.ViewerAsync(user, ct);
        var contract = await ContractService.Load(db.Contracts.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null || !viewer.CanRead(contract))
            return null;
        var operatorName = await db.Operators.AsNoTracking().Where(o => o.Id == contract.OperatorId).Select(o => o.Name).SingleAsync(ct);
        var names = await MunicipalityNamesAsync(contract.MunicipalityIds, ct);
        return new ContractView(contract, operatorName, names, viewer.CanEdit(contract), Today, await CoverageAsync(contract, ct));
    }

    /// <summary>Each requirement of the version with its state today, judged by the evidence and measurements known (none yet: due or unknown).</summary>
    public async Task<IReadOnlyList<RequirementStateRow>> RequirementStatesAsync(ContractView view, ContractVersion version, CancellationToken ct = default)
    {
        var current = await catalogue.CurrentAsync(ct);
        var known = await evidence.ForVersionAsync(view.Contract.Id, version.Id, ct);
        return version.Requirements
            .OrderBy(r => r.SetId, StringComparer.Ordinal).ThenBy(r => r.Section, StringComparer.Ordinal).ThenBy(r => r.Code, CodeOrder.Instance)
            .Select(r =>
            {
                var given = known.GetValueOrDefault(r.Key, RequirementEvidence.None);
                var state = RequirementStateRule.On(view.Today, r.Verification, r.Thresholds, given.Evidence, given.Measurements, view.Coverage.Covered, version.StartsOn);
                return new RequirementStateRow(r, current.Find(r.Key), state);
            }).ToList();
    }

    public Task<RequirementCatalogue> CatalogueAsync(CancellationToken ct = default) => catalogue.CurrentAsync(ct);

    /// <summary>
    /// The EVSEs (not removed) of the contract's operator in its municipalities, with the additions and exclusions applied.
    /// A location is known by its OCPI id, or by its id in the source it came from when that source has no OCPI id.
    /// </summary>
    private async Task<ContractCoverageView> CoverageAsync(Contract contract, CancellationToken ct)
    {
        var set = await ContractEvses.ResolveAsync(db, contract, ct);
        return new ContractCoverageView(set.InMunicipalities.Count, set.Covered);
    }

    private static IQueryable<Contract> Readable(IQueryable<Contract> contracts, ContractViewer viewer)
    {
        if (viewer.IsAdmin)
            return contracts;
        var municipalities = viewer.Municipalities;
        var own = viewer.OperatorId;
        return contracts.Where(c => c.Municipalities.Any(m => municipalities.Contains(m.MunicipalityId)) || (own != null && c.OperatorId == own));
    }

    private async Task<Dictionary<Guid, string>> MunicipalityNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Municipalities.AsNoTracking().Where(m => list.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
    }

    /// <summary>"SC-5" before "SC-10": the code's number compared as a number.</summary>
    private sealed class CodeOrder : IComparer<string>
    {
        public static readonly CodeOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            static (string Prefix, int Number) Split(string code)
            {
                var dash = code.LastIndexOf('-');
                return dash >= 0 && int.TryParse(code.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? (code[..dash], n) : (code, 0);
            }

            var (px, nx) = Split(x ?? "");
            var (py, ny) = Split(y ?? "");
            var prefix = string.CompareOrdinal(px, py);
            return prefix != 0 ? prefix : nx.CompareTo(ny);
        }
    }
}

/// <summary>The list's filters; null is "all".</summary>
public sealed record ContractFilter(ContractKind? Kind, Guid? OperatorId, Guid? MunicipalityId, ContractStatus? Status);
