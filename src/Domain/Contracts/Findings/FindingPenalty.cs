using System.Globalization;
using Portal.Domain.Contracts.Evidence;

namespace Portal.Domain.Contracts.Findings;

/// <summary>
/// The penalty a finding proposes: the term of the contract it breaks (<see cref="TermOf"/>) and, when the contract
/// version has a penalty for that term, its amount times the units: the EVSEs the finding names when the penalty's rule
/// speaks per charge point ("per laadpunt"), else 1.
/// </summary>
public static class FindingPenalty
{
    /// <summary>The words in a penalty's rule that make it count per charge point.</summary>
    public static readonly IReadOnlyList<string> PerChargePointWords = ["per laadpunt", "per charge point"];

    /// <summary>
    /// The contract term a kind of finding breaks, or null when no term covers it. Kinds added later (other audits) fall
    /// to the default, no term, until a case is written for them here, so a new kind never proposes a penalty by accident.
    /// </summary>
    public static ContractTerm? TermOf(ContractFindingKind kind) => kind switch
    {
        ContractFindingKind.TariffAboveCap => ContractTerm.TariffCaps,
        ContractFindingKind.TimelinessBelowMinimum => ContractTerm.DataLatency,
        // Expired evidence, an overdue protocol update and a failed field check break a requirement, not a term of the contract.
        ContractFindingKind.EvidenceExpired or ContractFindingKind.ProtocolUpdateOverdue or ContractFindingKind.FieldCheckFailed => null,
        _ => ByName(kind),
    };

    /// <summary>
    /// The proposed penalty for a finding of <paramref name="kind"/> naming <paramref name="evses"/> (comma separated),
    /// under the penalties of the version in force; null when the version has no penalty for the term. Of several
    /// penalties for one term the first (lowest id) counts: later ones are usually what applies on repetition.
    /// </summary>
    public static ProposedPenalty? Propose(ContractFindingKind kind, string? evses, IEnumerable<ContractPenalty> penalties)
    {
        ArgumentNullException.ThrowIfNull(penalties);
        if (TermOf(kind) is not { } term || penalties.Where(p => p.Term == term).OrderBy(p => p.Id).FirstOrDefault() is not { } penalty)
            return null;
        var units = IsPerChargePoint(penalty.Rule) ? Math.Max(1, CountEvses(evses)) : 1;
        return new ProposedPenalty(term, penalty.AmountEuro, units, penalty.AmountEuro * units, penalty.Rule);
    }

    public static bool IsPerChargePoint(string rule) =>
        PerChargePointWords.Any(w => rule.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The entries of a finding's EVSE list ("LOCATION/UID, LOCATION/UID"); a list shortened with "…" counts what it still holds.</summary>
    public static int CountEvses(string? evses) =>
        string.IsNullOrWhiteSpace(evses) ? 0 : evses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Count(e => e != "…");

    // The availability, connectivity and smart-charging kinds arrive from other work on the same enum; matched by name
    // here so this mapping holds them without knowing them at compile time.
    private static ContractTerm? ByName(ContractFindingKind kind) => kind.ToString() switch
    {
        var name when name.StartsWith("Availability", StringComparison.Ordinal) => ContractTerm.Availability,
        var name when name.StartsWith("Connectivity", StringComparison.Ordinal) => ContractTerm.Connectivity,
        var name when name.StartsWith("SmartCharging", StringComparison.Ordinal) => ContractTerm.SmartCharging,
        _ => null,
    };
}

/// <summary>A proposed penalty: the term broken, the amount per unit (null when the rule names none), the units, the total and the rule.</summary>
public sealed record ProposedPenalty(ContractTerm Term, decimal? AmountEuro, int Units, decimal? TotalEuro, string Rule)
{
    public override string ToString() => TotalEuro is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"{Term}: {total:0.00} EUR ({Units} x {AmountEuro:0.00})")
        : $"{Term}: {Rule}";
}
