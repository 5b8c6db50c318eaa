using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audits.FieldChecks;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Requirements;
using Portal.Features.Installations.Board;
using Portal.Integration.Contracts.TariffCaps;
using Portal.Integration.Persistence;
using Portal.Integration.Requirements;

namespace Portal.Features.FieldChecks;

/// <summary>The locations a sample is drawn from, each with its stratum, and what the sample keeps of each.</summary>
internal sealed record FieldCheckPopulation(IReadOnlyList<SampleUnit> Units, IReadOnlyDictionary<string, SampledLocationDetails> Details);

/// <summary>
/// Reads the population of a field audit sample. A municipality's sample: the charge locations in that municipality
/// covered by its signed contracts; a contract's sample: every location the contract covers (in all its
/// municipalities). A location counts when at least one of its EVSEs is covered (<see cref="ContractEvses"/>). Its
/// stratum: the contract's operator, the PC4 of its address (as on the installation board) and the power class of its
/// covered EVSEs' strongest connector. Its checklist: the field-audit requirements attached to the version in force
/// today of each covering contract (the latest signed one when none is in force), with the catalogue's summary and how
/// it is checked. Locations are keyed by their OCPI key (CC*PARTY*ID), or source and id when they have none.
/// </summary>
internal sealed class FieldCheckPopulationReader(PortalDbContext db, IRequirementCatalogue catalogue, TimeProvider clock)
{
    public async Task<FieldCheckPopulation> ReadAsync(FieldCheckScope scope, CancellationToken ct = default)
    {
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => scope.ContractId == null ? c.Municipalities.Any(m => m.MunicipalityId == scope.MunicipalityId) : c.Id == scope.ContractId)
            .Include(c => c.Municipalities).Include(c => c.Versions).ThenInclude(v => v.Requirements).Include(c => c.CoverageRules)
            .AsSplitQuery().ToListAsync(ct);
        var requirements = await catalogue.CurrentAsync(ct);
        var covering = new Dictionary<(Guid Operator, EvseRef Evse), List<FieldCheckRequirement>>();
        foreach (var contract in contracts.OrderBy(c => c.Reference, StringComparer.Ordinal))
        {
            if ((contract.VersionInForceOn(today) ?? contract.LatestSigned) is not { } version)
                continue;
            var asked = version.Requirements.Where(r => r.Verification == VerificationKind.FieldAudit)
                .Select(r => new FieldCheckRequirement(contract.Id, contract.Reference, r.SetId, r.Code, Text(requirements.Find(r.Key), r.Key))).ToList();
            foreach (var evse in (await ContractEvses.ResolveAsync(db, contract, ct)).Covered)
            {
                if (!covering.TryGetValue((contract.OperatorId, evse), out var list))
                    covering[(contract.OperatorId, evse)] = list = [];
                list.AddRange(asked);
            }
        }
        var operatorIds = covering.Keys.Select(k => k.Operator).Distinct().ToList();
        var operators = await db.Operators.AsNoTracking().Where(o => operatorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var locations = await db.ChargeLocations.AsNoTracking()
            .Where(l => l.OperatorId != null && operatorIds.Contains(l.OperatorId.Value) && (scope.ContractId != null || l.MunicipalityId == scope.MunicipalityId))
            .Include(l => l.Evses).ThenInclude(e => e.Connectors).AsSplitQuery().ToListAsync(ct);

        var units = new List<SampleUnit>();
        var details = new Dictionary<string, SampledLocationDetails>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            var operatorId = location.OperatorId!.Value;
            var covered = location.Evses.Where(e => covering.ContainsKey((operatorId, new EvseRef(location.OcpiLocationId ?? location.SourceId, e.Uid)))).ToList();
            if (covered.Count == 0)
                continue;
            var key = location.OcpiKey ?? $"{location.Source}:{location.SourceId}";
            if (details.ContainsKey(key))
                continue;
            var power = PowerClasses.Of(covered.SelectMany(e => e.Connectors.Count > 0 ? e.Connectors.Select(c => c.MaxPowerWatts) : [e.MaxPowerWatts]));
            var stratum = new StratumKey(operators.GetValueOrDefault(operatorId, location.OperatorName), PostcodeArea.Of(location.Address, location.PostalCode) ?? "", power.Code);
            var asked = covered.SelectMany(e => covering[(operatorId, new EvseRef(location.OcpiLocationId ?? location.SourceId, e.Uid))])
                .DistinctBy(r => (r.ContractId, r.SetId, r.Code)).ToList();
            units.Add(new SampleUnit(key, stratum));
            details[key] = new SampledLocationDetails(location.Id, location.Name, $"{location.Address}, {location.PostalCode} {location.City}".Trim(' ', ','), asked);
        }
        return new FieldCheckPopulation(units, details);
    }

    private static string Text(Requirement? requirement, RequirementKey key) =>
        requirement is null ? key.ToString() : $"{requirement.Summary}\n{requirement.VerificationHow}".Trim();
}
