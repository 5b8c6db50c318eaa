using Portal.Domain.Requirements;

namespace Portal.Domain.Contracts.ProtocolUpdates;

/// <summary>
/// Which protocol versions a contract's CPO must implement, by when, and whether that was done (the catalogue's
/// protocol update requirement, ElaadNL G-3: a major version within 18 months and a minor one within 6 months of
/// independent certification becoming available).
/// <list type="bullet">
/// <item>The contract's version that counts is the signed one in force on the day, or before its first start the
/// signed one that starts next; an ended contract, or one with only a draft, has nothing due.</item>
/// <item>That version must have a protocol update requirement attached: one whose thresholds include both
/// <c>major_version_update</c> and <c>minor_version_update</c> in <c>max_months</c>. Its values on the contract count,
/// so a tightened threshold shortens the term (a tightened part of a month is dropped: 12.5 months is 12).</item>
/// <item>A protocol is required when a standard of any requirement attached to that version names it (OCPP 2.0.1
/// (IEC 63584:2024) names OCPP). Every certification of a required protocol in force (the newest record per protocol
/// version, not withdrawn) gives a due date.</item>
/// <item>The months count from the later of the day certification became available and the day the obligation began
/// on this contract: the start of the earliest signed version, up to the one that counts, with the requirement
/// attached. A CPO is not late under a contract for a term that ran before the contract did.</item>
/// <item>Evidence closes the due date when it is for that requirement, its standard names the protocol and version
/// (case and white space do not matter: "ocpp 2.1" names OCPP 2.1; "OCPP 2.1.1" does not), and an officer accepted
/// it on or before the day; the earliest acceptance closes it, on time up to and including the due date, late after.
/// Rejected or pending evidence closes nothing.</item>
/// </list>
/// </summary>
public static class ProtocolUpdateRule
{
    /// <param name="contract">The contract with its versions and attached requirements.</param>
    /// <param name="standardsOf">The standards the catalogue names for a requirement (none for one it no longer has).</param>
    /// <param name="certifications">Certification records as administrators made them, corrections and withdrawals included.</param>
    /// <param name="evidence">The contract's evidence.</param>
    /// <param name="today">The Dutch day to judge on.</param>
    /// <returns>One entry per certified version of a required protocol, earliest due date first.</returns>
    public static IReadOnlyList<ContractProtocolUpdate> For(
        Contract contract, Func<RequirementKey, IReadOnlyList<string>> standardsOf, IEnumerable<ProtocolCertification> certifications,
        IEnumerable<ProtocolUpdateEvidence> evidence, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(standardsOf);
        var signed = contract.Versions.Where(v => v.IsSigned).OrderBy(v => v.StartsOn).ThenBy(v => v.Number).ToList();
        var counting = contract.VersionInForceOn(today) ?? signed.FirstOrDefault(v => v.StartsOn > today);
        if (counting is null || UpdateTermsOf(counting) is not { } terms)
            return [];
        var obligationStart = signed.Where(v => v.StartsOn <= counting.StartsOn && UpdateTermsOf(v) is not null).Min(v => v.StartsOn);
        var standards = counting.Requirements.SelectMany(r => standardsOf(r.Key)).ToList();
        var given = evidence.Where(e => e.Requirement == terms.Requirement && e.Decision == EvidenceDecision.Accepted && e.DecidedOn is { } day && day <= today)
            .OrderBy(e => e.DecidedOn).ToList();

        var updates = new List<ContractProtocolUpdate>();
        foreach (var certification in InForce(certifications))
        {
            if (!standards.Any(s => ProtocolNames.NamesProtocol(s, certification.Protocol)))
                continue;
            var countedFrom = certification.AvailableOn > obligationStart ? certification.AvailableOn : obligationStart;
            var months = certification.Kind == ProtocolUpdateKind.Major ? terms.MajorMonths : terms.MinorMonths;
            var due = new ProtocolUpdateDeadline(terms.MajorMonths, terms.MinorMonths).DueOn(countedFrom, certification.Kind);
            var closing = given.FirstOrDefault(e => ProtocolNames.NamesVersion(e.Standard, certification.Protocol, certification.Version));
            var state = closing is { DecidedOn: { } closedOn }
                ? closedOn <= due ? ProtocolUpdateState.Closed : ProtocolUpdateState.ClosedLate
                : today > due ? ProtocolUpdateState.Overdue : ProtocolUpdateState.Open;
            updates.Add(new ContractProtocolUpdate(terms.Requirement, certification.Id, certification.Protocol, certification.Version, certification.Kind,
                certification.AvailableOn, countedFrom, months, due, state, closing?.Id, closing?.Title, closing?.DecidedOn));
        }
        return updates.OrderBy(u => u.DueOn).ThenBy(u => u.Protocol, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Version, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The protocol update requirement attached to a version and its months on this contract, or null when none is attached.</summary>
    public static ProtocolUpdateTerms? UpdateTermsOf(ContractVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        foreach (var requirement in version.Requirements.OrderBy(r => r.SetId, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal))
        {
            if (Months(requirement, ProtocolUpdateDeadline.MajorMetric) is { } major && Months(requirement, ProtocolUpdateDeadline.MinorMetric) is { } minor)
                return new ProtocolUpdateTerms(requirement.Key, major, minor);
        }
        return null;
    }

    /// <summary>The newest record per protocol version (OCPP 2.1 and ocpp 2.1 are one), without the withdrawn ones.</summary>
    public static IEnumerable<ProtocolCertification> InForce(IEnumerable<ProtocolCertification> certifications) =>
        certifications
            .GroupBy(c => (Protocol: c.Protocol.ToUpperInvariant(), Version: c.Version.ToUpperInvariant()))
            .Select(g => g.OrderByDescending(c => c.RecordedAtUtc).First())
            .Where(c => !c.Withdrawn);

    private static int? Months(AttachedRequirement requirement, string metric) =>
        requirement.Thresholds.FirstOrDefault(t => t.Metric == metric && t.Limit == ProtocolUpdateDeadline.MonthsLimit) is { } threshold
            && threshold.Value >= 0 && threshold.Value <= 1200
            ? (int)decimal.Truncate(threshold.Value)
            : null;
}

/// <summary>The protocol update requirement attached to a contract version, with its months for a major and a minor update.</summary>
public sealed record ProtocolUpdateTerms(RequirementKey Requirement, int MajorMonths, int MinorMonths);
