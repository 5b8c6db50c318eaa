using Portal.Domain.Common;

namespace Portal.Domain.Contracts;

/// <summary>An EVSE by its OCPI location id and EVSE uid, or (uid null) every EVSE of a location.</summary>
public readonly record struct EvseRef(string LocationId, string? EvseUid)
{
    public const int MaxIdLength = 36;

    public bool IsWholeLocation => EvseUid is null;

    public bool Covers(EvseRef evse) => LocationId == evse.LocationId && (EvseUid is null || EvseUid == evse.EvseUid);

    public override string ToString() => EvseUid is null ? LocationId : $"{LocationId}/{EvseUid}";

    /// <summary>Trims and checks ids typed by an officer; OCPI ids are at most 36 characters (location) and 36 (uid).</summary>
    public static EvseRef Parse(string? locationId, string? evseUid)
    {
        var location = locationId?.Trim() ?? "";
        var uid = string.IsNullOrWhiteSpace(evseUid) ? null : evseUid.Trim();
        if (location.Length == 0)
            throw new DomainRuleViolated(DomainRule.CoverageLocationMissing, "Name the OCPI location id.");
        if (location.Length > MaxIdLength || uid is { Length: > MaxIdLength })
            throw new DomainRuleViolated(DomainRule.CoverageIdTooLong, $"An OCPI id has at most {MaxIdLength} characters.", MaxIdLength);
        return new EvseRef(location, uid);
    }

    /// <summary>
    /// EVSEs typed one per line or separated by commas or semicolons, each "LOCATION/UID" or a whole "LOCATION"; read one
    /// by one as they are enumerated, so a caller's check of each stops at the first bad one.
    /// </summary>
    public static IEnumerable<EvseRef> ParseList(string? typed) =>
        (typed ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? Parse(part[..slash], part[(slash + 1)..]) : Parse(part, null));
}

/// <summary>Whether a coverage rule adds EVSEs to what the contract's municipalities give, or takes them out (stored by name).</summary>
public enum CoverageRuleKind
{
    Addition,
    Exclusion,
}

/// <summary>An explicit addition or exclusion of a location or one EVSE in a contract's coverage.</summary>
public sealed class CoverageRule
{
    private CoverageRule() { }

    public long Id { get; private set; }
    public Guid ContractId { get; private set; }
    public CoverageRuleKind Kind { get; private set; }
    public string LocationId { get; private set; } = "";
    public string? EvseUid { get; private set; }
    public DateTime AddedAtUtc { get; private set; }

    public EvseRef Target => new(LocationId, EvseUid);

    internal static CoverageRule Create(Guid contractId, CoverageRuleKind kind, EvseRef target, DateTime nowUtc) => new()
    {
        ContractId = contractId, Kind = kind, LocationId = target.LocationId, EvseUid = target.EvseUid, AddedAtUtc = nowUtc,
    };
}

/// <summary>
/// What the uptime metric needs per covered EVSE (uptime-metric section 1): when it went live, when it was
/// decommissioned, and the simultaneity group of EVSEs that are really alternative connectors of one outlet.
/// </summary>
public sealed class CoveredEvseRecord
{
    public const int MaxGroupLength = 50;

    private CoveredEvseRecord() { }

    public long Id { get; private set; }
    public Guid ContractId { get; private set; }
    public string LocationId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";

    /// <summary>The first day the EVSE counts for the contract's KPIs.</summary>
    public DateOnly? GoLiveOn { get; private set; }

    /// <summary>The first day it no longer counts (it was decommissioned on this day).</summary>
    public DateOnly? DecommissionedOn { get; private set; }
    public string? SimultaneityGroup { get; private set; }

    public EvseRef Evse => new(LocationId, EvseUid);

    /// <summary>In scope from the go-live day up to the day before decommissioning; without a go-live day, from the start.</summary>
    public bool IsInScopeOn(DateOnly day) => (GoLiveOn is null || GoLiveOn <= day) && (DecommissionedOn is null || day < DecommissionedOn);

    internal static CoveredEvseRecord Create(Guid contractId, EvseRef evse) => new() { ContractId = contractId, LocationId = evse.LocationId, EvseUid = evse.EvseUid! };

    internal void Set(DateOnly? goLiveOn, DateOnly? decommissionedOn, string? simultaneityGroup)
    {
        var group = string.IsNullOrWhiteSpace(simultaneityGroup) ? null : simultaneityGroup.Trim();
        if (goLiveOn is { } live && decommissionedOn is { } gone && gone <= live)
            throw new DomainRuleViolated(DomainRule.CoverageDatesReversed, "An EVSE is decommissioned after it went live.");
        if (group is { Length: > MaxGroupLength })
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {MaxGroupLength} characters.", MaxGroupLength);
        GoLiveOn = goLiveOn;
        DecommissionedOn = decommissionedOn;
        SimultaneityGroup = group;
    }
}

/// <summary>Which EVSEs a contract covers.</summary>
public static class ContractCoverage
{
    /// <summary>
    /// The contract's municipalities' EVSEs of its operator, plus the additions, minus the exclusions (an exclusion wins
    /// over an addition). A whole-location addition adds the location's known EVSEs; an EVSE addition adds that EVSE even
    /// when no feed has shown it yet (the uptime metric counts such an EVSE as down). Sorted by location, then uid.
    /// </summary>
    public static IReadOnlyList<EvseRef> Resolve(IEnumerable<EvseRef> inMunicipalities, IEnumerable<EvseRef> knownOfOperator, IEnumerable<CoverageRule> rules)
    {
        var ruleList = rules.ToList();
        var known = knownOfOperator.ToList();
        var covered = new HashSet<EvseRef>(inMunicipalities);
        foreach (var addition in ruleList.Where(r => r.Kind == CoverageRuleKind.Addition).Select(r => r.Target))
        {
            if (addition.IsWholeLocation)
                covered.UnionWith(known.Where(addition.Covers));
            else
                covered.Add(addition);
        }
        var exclusions = ruleList.Where(r => r.Kind == CoverageRuleKind.Exclusion).Select(r => r.Target).ToList();
        covered.RemoveWhere(e => exclusions.Any(x => x.Covers(e)));
        return covered.OrderBy(e => e.LocationId, StringComparer.Ordinal).ThenBy(e => e.EvseUid, StringComparer.Ordinal).ToList();
    }

    /// <summary>The simultaneity groups with their EVSEs: only groups of two or more mean anything.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EvseRef>> SimultaneityGroups(IEnumerable<CoveredEvseRecord> records) =>
        records.Where(r => r.SimultaneityGroup is not null)
            .GroupBy(r => r.SimultaneityGroup!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EvseRef>)g.Select(r => r.Evse).ToList(), StringComparer.Ordinal);
}
