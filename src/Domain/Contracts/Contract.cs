using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Contracts.Power;
using Portal.Domain.Requirements;

namespace Portal.Domain.Contracts;

/// <summary>
/// A contract under which an operator (CPO) builds and runs public charge points for one or more municipalities, one
/// of them the lead. Its promises live in versions: a draft version is edited, signing freezes it, and an amendment is
/// a new version with a later start date, so audits can use the version in force on each day. Coverage (which EVSEs
/// it covers) is kept on the contract itself. Every change is an entry in its append-only history.
/// </summary>
public sealed class Contract
{
    public const int MaxReferenceLength = 60, MaxLotLength = 200, MaxMunicipalities = 50;

    private readonly List<ContractMunicipality> _municipalities = [];
    private readonly List<ContractVersion> _versions = [];
    private readonly List<CoverageRule> _coverageRules = [];
    private readonly List<CoveredEvseRecord> _evseRecords = [];
    private readonly List<ContractChange> _history = [];
    private readonly List<GridConnection> _gridConnections = [];

    private Contract() { }

    public Guid Id { get; private set; }
    public ContractKind Kind { get; private set; }
    public Guid OperatorId { get; private set; }
    public Guid LeadMunicipalityId { get; private set; }
    public string Reference { get; private set; } = "";

    /// <summary>The lot (perceel) of a tender the contract came from, e.g. "Perceel 2 Arnhem-Noord".</summary>
    public string? LotName { get; private set; }
    public ApplicationsHandledBy ApplicationsHandledBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<ContractMunicipality> Municipalities => _municipalities;
    public IReadOnlyList<ContractVersion> Versions => _versions;
    public IReadOnlyList<CoverageRule> CoverageRules => _coverageRules;
    public IReadOnlyList<CoveredEvseRecord> EvseRecords => _evseRecords;
    public IReadOnlyList<ContractChange> History => _history;

    /// <summary>Grid connection capacities recorded for covered locations or EVSEs (a source of the maximum power).</summary>
    public IReadOnlyList<GridConnection> GridConnections => _gridConnections;

    public IEnumerable<Guid> MunicipalityIds => _municipalities.Select(m => m.MunicipalityId);

    /// <summary>The version being prepared (the first, or an amendment), if any.</summary>
    public ContractVersion? DraftVersion => _versions.SingleOrDefault(v => !v.IsSigned);

    public ContractVersion? LatestSigned => _versions.Where(v => v.IsSigned).MaxBy(v => v.Number);

    public static Contract Draft(ContractRegistration registration, ContractPeriod period, ContractTerms terms, ContractActor actor, DateTime nowUtc)
    {
        var contract = new Contract { Id = Guid.NewGuid(), CreatedAtUtc = nowUtc };
        contract.ApplyRegistration(registration);
        contract.OperatorId = registration.OperatorId;
        contract._versions.Add(ContractVersion.Draft(contract.Id, 1, period, terms));
        contract.Record(ContractChangeKind.Created, actor, nowUtc, 1, $"{registration.Kind} {contract.Reference}");
        return contract;
    }

    /// <summary>
    /// The signed version that governs the day: of the signed versions that started on or before it, the latest
    /// start; none when that version ended before the day (or nothing was signed yet).
    /// </summary>
    public ContractVersion? VersionInForceOn(DateOnly day)
    {
        var latest = _versions.Where(v => v.IsSigned && v.StartsOn <= day).MaxBy(v => v.StartsOn);
        return latest is not null && day <= latest.EndsOn ? latest : null;
    }

    /// <summary>
    /// The day an installation assigned on <paramref name="openedOn"/> must be commissioned by: the installation term of
    /// the version in force that day, or of the latest signed version when none was (a case opened before the contract
    /// started). Null when that version sets no term or nothing is signed.
    /// </summary>
    public DateOnly? InstallationDueOn(DateOnly openedOn) => (VersionInForceOn(openedOn) ?? LatestSigned)?.Terms.InstallationDueOn(openedOn);

    public ContractStatus StatusOn(DateOnly day)
    {
        var signed = _versions.Where(v => v.IsSigned).ToList();
        if (signed.Count == 0)
            return ContractStatus.Draft;
        if (VersionInForceOn(day) is not null)
            return ContractStatus.InForce;
        return signed.All(v => v.StartsOn > day) ? ContractStatus.Upcoming : ContractStatus.Ended;
    }

    public bool IsMember(Guid municipalityId) => _municipalities.Any(m => m.MunicipalityId == municipalityId);

    /// <summary>Kind, reference, lot, municipalities and who handles applications: fixed once a version is signed.</summary>
    public void ChangeRegistration(ContractRegistration registration, ContractActor actor, DateTime nowUtc)
    {
        if (_versions.Any(v => v.IsSigned))
            throw new DomainRuleViolated(DomainRule.ContractRegistrationFixed, "A signed contract's parties and reference are fixed.");
        if (registration.OperatorId != OperatorId)
            throw new DomainRuleViolated("A contract's operator does not change.");
        ApplyRegistration(registration);
        Record(ContractChangeKind.DetailsChanged, actor, nowUtc, null,
            $"{Kind} {Reference}; {(LotName ?? "-")}; {ApplicationsHandledBy}; {_municipalities.Count}");
    }

    public void ChangePeriod(Guid versionId, ContractPeriod period, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        CheckAmendmentStart(version, period.StartsOn);
        version.Apply(period);
        Record(ContractChangeKind.VersionChanged, actor, nowUtc, version.Number,
            Invariant($"{period.StartsOn:yyyy-MM-dd}..{period.EndsOn:yyyy-MM-dd}; points {period.PointsPromised?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
    }

    public void ChangeTerms(Guid versionId, ContractTerms terms, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        var before = version.Terms;
        version.SetTerms(terms);
        Record(ContractChangeKind.TermsChanged, actor, nowUtc, version.Number, TermsDifference(before, version.Terms));
    }

    public void AddPenalty(Guid versionId, ContractTerm term, decimal? amountEuro, string? rule, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        version.AddPenalty(term, amountEuro, rule);
        Record(ContractChangeKind.TermsChanged, actor, nowUtc, version.Number, Invariant($"+ penalty {term} {amountEuro}"));
    }

    public void RemovePenalty(Guid versionId, long penaltyId, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        var removed = version.RemovePenalty(penaltyId);
        Record(ContractChangeKind.TermsChanged, actor, nowUtc, version.Number, Invariant($"- penalty {removed.Term} {removed.AmountEuro}"));
    }

    /// <summary>Signs the draft version: from now on it is frozen.</summary>
    public void Sign(Guid versionId, DateOnly signedOn, string? signedBy, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        version.Sign(signedOn, signedBy, actor, nowUtc);
        Record(ContractChangeKind.Signed, actor, nowUtc, version.Number, Invariant($"{signedOn:yyyy-MM-dd} {version.SignedBy}"));
    }

    /// <summary>An amendment: a new draft version copied from the latest signed one, starting on a later day than it.</summary>
    public ContractVersion DraftAmendment(DateOnly startsOn, ContractActor actor, DateTime nowUtc)
    {
        if (DraftVersion is { } open)
            throw new DomainRuleViolated(DomainRule.ContractDraftVersionOpen, $"Version {open.Number} is still a draft; sign or discard it first.", open.Number);
        var previous = LatestSigned ?? throw new DomainRuleViolated(DomainRule.ContractDraftVersionOpen, "Sign the first version before amending it.", 1);
        if (startsOn <= previous.StartsOn)
            throw new DomainRuleViolated(DomainRule.AmendmentStartNotLater, "An amendment starts after the version it amends.", previous.StartsOn);
        if (startsOn > previous.EndsOn)
            throw new DomainRuleViolated(DomainRule.AmendmentStartNotLater, "An amendment starts while the version it amends runs.", previous.StartsOn);
        var amendment = previous.DraftAmendment(previous.Number + 1, startsOn);
        _versions.Add(amendment);
        Record(ContractChangeKind.AmendmentDrafted, actor, nowUtc, amendment.Number, Invariant($"{startsOn:yyyy-MM-dd}"));
        return amendment;
    }

    /// <summary>Throws away a draft amendment (the first version cannot be discarded: the contract itself is the draft then).</summary>
    public void DiscardDraftVersion(Guid versionId, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        if (version.IsSigned || version.Number == 1)
            throw new DomainRuleViolated(DomainRule.ContractVersionSigned, $"Version {version.Number} cannot be discarded.", version.Number);
        _versions.Remove(version);
        Record(ContractChangeKind.DraftVersionDiscarded, actor, nowUtc, version.Number, "");
    }

    public void AttachRequirement(Guid versionId, Requirement requirement, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        version.Attach(requirement);
        Record(ContractChangeKind.RequirementAttached, actor, nowUtc, version.Number, requirement.Key.ToString());
    }

    /// <summary>Attaches every requirement of a section that is not attached yet; returns how many were added.</summary>
    public int AttachSection(Guid versionId, string setId, string section, IEnumerable<Requirement> requirements, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        var ofSection = requirements.Where(r => r.Key.SetId == setId && r.Section == section).ToList();
        if (ofSection.Count == 0)
            throw new DomainRuleViolated(DomainRule.SectionEmpty, $"The section {setId}/{section} has no requirements.", setId, section);
        var added = ofSection.Where(r => !version.Has(r.Key)).ToList();
        if (added.Count == 0)
            throw new DomainRuleViolated(DomainRule.RequirementAlreadyAttached, $"Every requirement of {setId}/{section} is already attached.", $"{setId}/{section}");
        foreach (var requirement in added)
            version.Attach(requirement);
        Record(ContractChangeKind.SectionAttached, actor, nowUtc, version.Number,
            $"{setId}/{section}: {string.Join(", ", added.Select(r => r.Key.Code))}");
        return added.Count;
    }

    public void DetachRequirement(Guid versionId, RequirementKey key, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        version.Detach(key);
        Record(ContractChangeKind.RequirementDetached, actor, nowUtc, version.Number, key.ToString());
    }

    public void TightenThreshold(Guid versionId, RequirementKey key, string metric, string limit, decimal value, ContractActor actor, DateTime nowUtc)
    {
        var version = VersionOf(versionId);
        var before = version.Tighten(key, metric, limit, value);
        Record(ContractChangeKind.ThresholdTightened, actor, nowUtc, version.Number, Invariant($"{key} {metric} {limit}: {before} → {value}"));
    }

    public void AddCoverageRule(CoverageRuleKind kind, EvseRef target, ContractActor actor, DateTime nowUtc)
    {
        if (_coverageRules.Any(r => r.Target == target && r.Kind == kind))
            throw new DomainRuleViolated(DomainRule.CoverageRuleExists, $"{target} is already an {kind}.", target.ToString());
        // A new rule for the same target replaces the opposite one: an EVSE is added or excluded, not both.
        _coverageRules.RemoveAll(r => r.Target == target);
        _coverageRules.Add(CoverageRule.Create(Id, kind, target, nowUtc));
        Record(ContractChangeKind.CoverageRuleAdded, actor, nowUtc, null, $"{kind} {target}");
    }

    public void RemoveCoverageRule(long ruleId, ContractActor actor, DateTime nowUtc)
    {
        var rule = _coverageRules.SingleOrDefault(r => r.Id == ruleId) ?? throw new DomainRuleViolated("Not a coverage rule of this contract.");
        _coverageRules.Remove(rule);
        Record(ContractChangeKind.CoverageRuleRemoved, actor, nowUtc, null, $"{rule.Kind} {rule.Target}");
    }

    /// <summary>Records an EVSE's go-live and decommission days and its simultaneity group.</summary>
    public void SetEvseRecord(EvseRef evse, DateOnly? goLiveOn, DateOnly? decommissionedOn, string? simultaneityGroup, ContractActor actor, DateTime nowUtc)
    {
        if (evse.IsWholeLocation)
            throw new DomainRuleViolated(DomainRule.CoverageEvseMissing, "Name the EVSE's uid.");
        var record = _evseRecords.SingleOrDefault(r => r.Evse == evse);
        if (record is null)
        {
            record = CoveredEvseRecord.Create(Id, evse);
            record.Set(goLiveOn, decommissionedOn, simultaneityGroup);
            _evseRecords.Add(record);
        }
        else
        {
            record.Set(goLiveOn, decommissionedOn, simultaneityGroup);
        }
        Record(ContractChangeKind.EvseRecordChanged, actor, nowUtc, null,
            Invariant($"{evse}: {goLiveOn:yyyy-MM-dd}..{decommissionedOn:yyyy-MM-dd} {record.SimultaneityGroup}"));
    }

    /// <summary>Records a change kept beside the contract's own parts (its documents) in its history.</summary>
    internal void RecordBeside(ContractChangeKind kind, ContractActor actor, DateTime nowUtc, int? versionNumber, string detail) =>
        Record(kind, actor, nowUtc, versionNumber, detail);

    /// <summary>Records the capacity of the grid connection behind a location or one EVSE, in kW; null takes the record away.</summary>
    public void SetGridConnection(EvseRef target, decimal? capacityKw, ContractActor actor, DateTime nowUtc)
    {
        var existing = _gridConnections.SingleOrDefault(g => g.Target == target);
        if (capacityKw is not { } kw)
        {
            if (existing is null)
                return;
            _gridConnections.Remove(existing);
            Record(ContractChangeKind.GridConnectionChanged, actor, nowUtc, null, Invariant($"{target}: {existing.CapacityKw} kW → -"));
            return;
        }
        var before = existing?.CapacityKw;
        if (existing is null)
            _gridConnections.Add(GridConnection.Create(Id, target, kw, nowUtc));
        else
            existing.Set(kw, nowUtc);
        Record(ContractChangeKind.GridConnectionChanged, actor, nowUtc, null, Invariant($"{target}: {(before is null ? "-" : before.Value.ToString(CultureInfo.InvariantCulture) + " kW")} → {kw} kW"));
    }

    private void ApplyRegistration(ContractRegistration registration)
    {
        var reference = registration.Reference?.Trim() ?? "";
        if (reference.Length == 0)
            throw new DomainRuleViolated(DomainRule.ContractReferenceMissing, "A contract needs its reference.");
        if (reference.Length > MaxReferenceLength)
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {MaxReferenceLength} characters.", MaxReferenceLength);
        var lot = string.IsNullOrWhiteSpace(registration.LotName) ? null : registration.LotName.Trim();
        if (lot is { Length: > MaxLotLength })
            throw new DomainRuleViolated(DomainRule.ContractTextTooLong, $"A text has at most {MaxLotLength} characters.", MaxLotLength);
        var members = registration.MunicipalityIds.Distinct().ToList();
        if (members.Count == 0 || members.Count > MaxMunicipalities)
            throw new DomainRuleViolated(DomainRule.ContractNeedsMunicipality, $"A contract is with 1 to {MaxMunicipalities} municipalities.", MaxMunicipalities);
        if (!members.Contains(registration.LeadMunicipalityId))
            throw new DomainRuleViolated(DomainRule.ContractLeadNotMember, "The lead municipality is one of the contract's municipalities.");
        Kind = registration.Kind;
        Reference = reference;
        LotName = lot;
        ApplicationsHandledBy = registration.ApplicationsHandledBy;
        LeadMunicipalityId = registration.LeadMunicipalityId;
        _municipalities.RemoveAll(m => !members.Contains(m.MunicipalityId));
        foreach (var id in members.Where(id => !IsMember(id)))
            _municipalities.Add(ContractMunicipality.Of(Id, id));
    }

    private void CheckAmendmentStart(ContractVersion version, DateOnly startsOn)
    {
        var previous = _versions.Where(v => v.Number < version.Number).MaxBy(v => v.Number);
        if (previous is not null && (startsOn <= previous.StartsOn || startsOn > previous.EndsOn))
            throw new DomainRuleViolated(DomainRule.AmendmentStartNotLater, "An amendment starts after the version it amends, while that version runs.", previous.StartsOn);
    }

    private ContractVersion VersionOf(Guid versionId) =>
        _versions.SingleOrDefault(v => v.Id == versionId) ?? throw new DomainRuleViolated("Not a version of this contract.");

    private void Record(ContractChangeKind kind, ContractActor actor, DateTime nowUtc, int? versionNumber, string detail)
    {
        _history.Add(ContractChange.Record(Id, actor, nowUtc, kind, versionNumber, detail));
        UpdatedAtUtc = nowUtc;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string TermsDifference(ContractTerms before, ContractTerms after)
    {
        var changes = new List<string>();
        void Compare<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {a} → {b}"));
        }

        Compare("availability_percent_year", before.AvailabilityPercentPerYear, after.AvailabilityPercentPerYear);
        Compare("availability_excludes_exogenous", before.AvailabilityExcludesExogenousDamage, after.AvailabilityExcludesExogenousDamage);
        Compare("connectivity_percent_month", before.ConnectivityPercentPerMonth, after.ConnectivityPercentPerMonth);
        Compare("max_response_hours", before.MaxResponseHours, after.MaxResponseHours);
        Compare("max_repair_hours", before.MaxRepairHours, after.MaxRepairHours);
        Compare("data_latency_seconds", before.DataLatencySeconds, after.DataLatencySeconds);
        Compare("cap_per_kwh", before.TariffCaps.MaxPerKwh, after.TariffCaps.MaxPerKwh);
        Compare("cap_start_fee", before.TariffCaps.MaxStartFee, after.TariffCaps.MaxStartFee);
        Compare("cap_per_minute", before.TariffCaps.MaxPerMinute, after.TariffCaps.MaxPerMinute);
        Compare("cap_idle_per_minute", before.TariffCaps.MaxIdlePerMinute, after.TariffCaps.MaxIdlePerMinute);
        Compare("caps_include_vat", before.TariffCaps.IncludeVat, after.TariffCaps.IncludeVat);
        Compare("smart_charging", before.SmartCharging.Required, after.SmartCharging.Required);
        Compare("power_cap_kw", before.SmartCharging.PowerCapKw, after.SmartCharging.PowerCapKw);
        Compare("peak_window", $"{before.SmartCharging.WindowStart:HH\\:mm}-{before.SmartCharging.WindowEnd:HH\\:mm}",
            $"{after.SmartCharging.WindowStart:HH\\:mm}-{after.SmartCharging.WindowEnd:HH\\:mm}");
        Compare("on_grid_operator_request", before.SmartCharging.OnGridOperatorRequest, after.SmartCharging.OnGridOperatorRequest);
        Compare("max_power_kw", before.MaxPowerPerChargePointKw, after.MaxPowerPerChargePointKw);
        return changes.Count == 0 ? "-" : string.Join("; ", changes);
    }
}

/// <summary>Who a contract is between and what it is: the parts of a contract that are fixed once it is signed.</summary>
public sealed record ContractRegistration(
    ContractKind Kind,
    Guid OperatorId,
    IReadOnlyCollection<Guid> MunicipalityIds,
    Guid LeadMunicipalityId,
    string? Reference,
    string? LotName,
    ApplicationsHandledBy ApplicationsHandledBy);
