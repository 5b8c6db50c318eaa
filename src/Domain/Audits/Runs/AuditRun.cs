using Portal.Domain.Audits.Exclusions;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Terms;

namespace Portal.Domain.Audits.Runs;

/// <summary>What an audit run covers (stored by name).</summary>
public enum AuditRunKind
{
    /// <summary>A calendar month.</summary>
    Monthly,

    /// <summary>A contract year, from the contract's start day.</summary>
    Annual,

    /// <summary>The twelve calendar months before the run's month.</summary>
    Rolling12,
}

/// <summary>Where a run stands (stored by name).</summary>
public enum AuditRunStatus
{
    /// <summary>Computed and refreshed while claims may still change it.</summary>
    Provisional,

    /// <summary>Signed by an officer: frozen.</summary>
    Signed,

    /// <summary>A signed run a correction replaced.</summary>
    Superseded,
}

/// <summary>
/// The figures of one run as the metric gave them: per EVSE, the merged outages, the aggregate (section 8) and the
/// combined input fingerprint. Made by <see cref="Of"/> from the metric's results, so a run never holds hand-made numbers.
/// </summary>
public sealed record AuditRunFigures(string Fingerprint, IReadOnlyList<AuditRunEvse> Evses, IReadOnlyList<AuditRunOutage> Outages, UptimeAggregate Aggregate)
{
    public static AuditRunFigures Of(IEnumerable<EvseUptimeResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.OrderBy(r => r.Evse.ToString(), StringComparer.Ordinal).ToList();
        var evses = list.Select(AuditRunEvse.Of).ToList();
        var outages = list.SelectMany(AuditRunOutage.Of).ToList();
        return new AuditRunFigures(UptimeFingerprint.Combine(list.Select(r => (r.Evse, r.Fingerprint))), evses, outages, UptimeAggregation.Of(list));
    }
}

/// <summary>
/// One audit of a contract over a period (uptime metric v1, issue 17 "the audit run"). A provisional run is computed
/// and refreshed while the CPO may still claim exclusions; once the claims window (<see cref="ExclusionClaimDeadline"/>)
/// has closed an officer signs it and it is frozen: its figures are never recomputed into it. A recomputation is only
/// compared (<see cref="Compare"/>); a correction is a new, signed version with its reason that supersedes this one.
/// </summary>
public sealed class AuditRun
{
    public const int MaxReasonLength = 2000;

    private readonly List<AuditRunEvse> _evses = [];
    private readonly List<AuditRunOutage> _outages = [];

    private AuditRun() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public Guid OperatorId { get; private set; }
    public AuditRunKind Kind { get; private set; }

    /// <summary>The first Dutch day of the period and the first day after it.</summary>
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }

    /// <summary>1 for the first run of a contract, kind and period; a correction adds one.</summary>
    public int Version { get; private set; }
    public AuditRunStatus Status { get; private set; }

    public string MetricVersion { get; private set; } = UptimeMetric.Version;
    public int ContractVersionNumber { get; private set; }

    /// <summary>The contract's thresholds used, in percent.</summary>
    public decimal AvailabilityThresholdPercent { get; private set; }
    public decimal ConnectivityThresholdPercent { get; private set; }

    /// <summary>The last Dutch day an exclusion for an outage in the period may be claimed; signing waits until it has passed.</summary>
    public DateOnly ClaimsCloseOn { get; private set; }

    public string Fingerprint { get; private set; } = "";
    public DateTime ComputedAtUtc { get; private set; }

    /// <summary>The aggregate of section 8, over every covered EVSE.</summary>
    public int EvseCount { get; private set; }
    public long S { get; private set; }
    public long U { get; private set; }
    public long D { get; private set; }
    public long X { get; private set; }
    public decimal? TimeWeightedAvailability { get; private set; }
    public int Rated { get; private set; }
    public int MeetingThreshold { get; private set; }
    public decimal? ShareMeetingThreshold { get; private set; }
    public decimal? P5 { get; private set; }
    public decimal? P50 { get; private set; }

    public DateTime? SignedAtUtc { get; private set; }
    public string? SignedByUserId { get; private set; }
    public string? SignedByName { get; private set; }

    /// <summary>The signed run this one corrects, and why.</summary>
    public Guid? Corrects { get; private set; }
    public string? CorrectionReason { get; private set; }

    /// <summary>The correction that replaced this run.</summary>
    public Guid? SupersededBy { get; private set; }
    public DateTime? SupersededAtUtc { get; private set; }

    public IReadOnlyList<AuditRunEvse> Evses => _evses;
    public IReadOnlyList<AuditRunOutage> Outages => _outages;

    public bool IsFrozen => Status != AuditRunStatus.Provisional;

    /// <summary>The EVSEs whose availability or connectivity failed the contract's threshold (the verdict says Fail).</summary>
    public IReadOnlyList<AuditRunEvse> FailedAvailability => _evses.Where(e => e.AvailabilityVerdict == UptimeVerdict.Fail).ToList();
    public IReadOnlyList<AuditRunEvse> FailedConnectivity => _evses.Where(e => e.ConnectivityVerdict == UptimeVerdict.Fail).ToList();

    /// <summary>A first provisional run (version 1) of a contract, kind and period.</summary>
    public static AuditRun Provisional(AuditRunSubject subject, AuditRunFigures figures, TermsCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(calendar);
        var run = New(subject, 1, nowUtc, calendar);
        run.Apply(figures, nowUtc);
        return run;
    }

    /// <summary>The figures computed again while the run is provisional (a claim was decided, late data arrived).</summary>
    public void Refresh(AuditRunFigures figures, DateTime nowUtc)
    {
        if (IsFrozen)
            throw new DomainRuleViolated(DomainRule.AuditRunFrozen, "A signed audit run is frozen; a correction is a new version.");
        Apply(figures, nowUtc);
    }

    /// <summary>Signs the run; only after the claims window closed (the day after <see cref="ClaimsCloseOn"/> or later).</summary>
    public void Sign(ContractActor officer, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (IsFrozen)
            throw new DomainRuleViolated(DomainRule.AuditRunFrozen, "A signed audit run is frozen; a correction is a new version.");
        if (today <= ClaimsCloseOn)
            throw new DomainRuleViolated(DomainRule.AuditRunClaimsWindowOpen, $"Exclusions may be claimed until {ClaimsCloseOn:yyyy-MM-dd}; sign after that day.", ClaimsCloseOn);
        Status = AuditRunStatus.Signed;
        SignedAtUtc = nowUtc;
        SignedByUserId = officer.UserId;
        SignedByName = officer.Name;
    }

    /// <summary>What a recomputation says about this run's figures; the run itself is not changed.</summary>
    public AuditRunComparison Compare(AuditRunFigures recomputed) => AuditRunComparison.Between(this, recomputed);

    /// <summary>
    /// A correction of this signed run: a new version with its reason and the recomputed figures, signed by the officer
    /// who makes it (the claims window closed before this run was signed), which supersedes this run.
    /// </summary>
    public AuditRun Correct(string? reason, AuditRunFigures figures, ContractActor officer, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (Status != AuditRunStatus.Signed)
            throw new DomainRuleViolated(DomainRule.AuditRunNotSigned, "Only the signed version of an audit run is corrected.");
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
            throw new DomainRuleViolated(DomainRule.AuditRunReasonMissing, "A correction needs a reason.");
        if (text.Length > MaxReasonLength)
            throw new DomainRuleViolated(DomainRule.AuditRunReasonTooLong, $"A reason has at most {MaxReasonLength} characters.", MaxReasonLength);
        var correction = new AuditRun
        {
            Id = Guid.NewGuid(),
            ContractId = ContractId,
            OperatorId = OperatorId,
            Kind = Kind,
            PeriodStart = PeriodStart,
            PeriodEnd = PeriodEnd,
            Version = Version + 1,
            Status = AuditRunStatus.Signed,
            MetricVersion = UptimeMetric.Version,
            ContractVersionNumber = ContractVersionNumber,
            AvailabilityThresholdPercent = AvailabilityThresholdPercent,
            ConnectivityThresholdPercent = ConnectivityThresholdPercent,
            ClaimsCloseOn = ClaimsCloseOn,
            SignedAtUtc = nowUtc,
            SignedByUserId = officer.UserId,
            SignedByName = officer.Name,
            Corrects = Id,
            CorrectionReason = text,
        };
        correction.Apply(figures, nowUtc);
        Status = AuditRunStatus.Superseded;
        SupersededBy = correction.Id;
        SupersededAtUtc = nowUtc;
        return correction;
    }

    /// <summary>The last day claims for outages in a period ending (exclusive) on <paramref name="periodEnd"/> may be filed.</summary>
    public static DateOnly ClaimsWindowOf(DateOnly periodEnd, TermsCalendar calendar) =>
        ExclusionClaimDeadline.For(DutchCalendar.Utc(periodEnd, TimeOnly.MinValue), calendar);

    private static AuditRun New(AuditRunSubject subject, int version, DateTime nowUtc, TermsCalendar calendar)
    {
        if (subject.PeriodEnd <= subject.PeriodStart)
            throw new DomainRuleViolated("An audit period ends after it starts.");
        return new AuditRun
        {
            Id = Guid.NewGuid(),
            ContractId = subject.ContractId,
            OperatorId = subject.OperatorId,
            Kind = subject.Kind,
            PeriodStart = subject.PeriodStart,
            PeriodEnd = subject.PeriodEnd,
            Version = version,
            Status = AuditRunStatus.Provisional,
            MetricVersion = UptimeMetric.Version,
            ContractVersionNumber = subject.ContractVersionNumber,
            AvailabilityThresholdPercent = subject.Terms.AvailabilityPercentPerYear,
            ConnectivityThresholdPercent = subject.Terms.ConnectivityPercentPerMonth,
            ClaimsCloseOn = ClaimsWindowOf(subject.PeriodEnd, calendar),
            ComputedAtUtc = nowUtc,
        };
    }

    private void Apply(AuditRunFigures figures, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(figures);
        _evses.Clear();
        _evses.AddRange(figures.Evses);
        _outages.Clear();
        _outages.AddRange(figures.Outages);
        Fingerprint = figures.Fingerprint;
        ComputedAtUtc = nowUtc;
        var a = figures.Aggregate;
        (EvseCount, S, U, D, X) = (a.Evses, a.S, a.U, a.D, a.X);
        (TimeWeightedAvailability, Rated, MeetingThreshold, ShareMeetingThreshold, P5, P50) =
            (AuditRunEvse.Stored(a.TimeWeightedAvailability), a.Rated, a.MeetingThreshold, AuditRunEvse.Stored(a.ShareMeetingThreshold), AuditRunEvse.Stored(a.P5), AuditRunEvse.Stored(a.P50));
    }
}

/// <summary>Which contract, kind and period a run is for, and the contract version and terms in force at the period's end.</summary>
public sealed record AuditRunSubject(Guid ContractId, Guid OperatorId, AuditRunKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, int ContractVersionNumber, ContractTerms Terms);
