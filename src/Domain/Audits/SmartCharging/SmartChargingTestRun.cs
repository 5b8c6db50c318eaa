using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;

namespace Portal.Domain.Audits.SmartCharging;

/// <summary>What a run was started with besides its sample: the contract, the CPO's connection, the seed, the profile, the tolerance and the coverage.</summary>
public sealed record SmartChargingRunSetup(
    Guid ContractId, Guid OperatorId, Guid ConnectionId, ulong Seed, int RequestedSize, int Candidates,
    SmartChargingTestProfile Profile, decimal TolerancePercent, int CoveredEvses, int CapableEvses);

/// <summary>
/// One smart-charging compliance test of a contract (issue 17): the sessions drawn with a recorded seed, the profile
/// set on each through the OCPI ChargingProfiles round trip, and per EVSE what came back: the declared capability, the
/// answer, the result and its latency, and the power in the CDR. Kept: once completed, nothing changes.
/// </summary>
public sealed class SmartChargingTestRun
{
    public const int MaxStartedByLength = 200;

    private readonly List<SmartChargingTestEvse> _evses = [];
    private readonly List<SmartChargingTestRequirement> _requirements = [];

    private SmartChargingTestRun() { }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public Guid OperatorId { get; private set; }
    public Guid ConnectionId { get; private set; }

    /// <summary>The seed's 64 bits as stored; <see cref="SeedValue"/> is the number shown.</summary>
    public long Seed { get; private set; }
    public int RequestedSize { get; private set; }

    /// <summary>How many covered EVSEs had an active session to draw from.</summary>
    public int Candidates { get; private set; }
    public int CoveredEvses { get; private set; }
    public int CapableEvses { get; private set; }
    public decimal LimitKw { get; private set; }
    public int DurationSeconds { get; private set; }
    public string Purpose { get; private set; } = "";
    public decimal TolerancePercent { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public string StartedBy { get; private set; } = "";

    /// <summary>After this the run completes with what it has: what did not come counts as not come.</summary>
    public DateTime WaitUntilUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public SmartChargingVerdict? Verdict { get; private set; }

    public ulong SeedValue => unchecked((ulong)Seed);
    public bool IsCompleted => CompletedAtUtc is not null;
    public IReadOnlyList<SmartChargingTestEvse> Evses => _evses;
    public IReadOnlyList<SmartChargingTestRequirement> Requirements => _requirements;

    public static SmartChargingTestRun Start(SmartChargingRunSetup setup, IReadOnlyList<SampledSession> sample, IReadOnlySet<EvseRef> capable,
        string startedBy, DateTime nowUtc, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(capable);
        if (sample.Count == 0)
            throw new DomainRuleViolated(DomainRule.SmartChargingNoSessions, "No covered EVSE has an active session to test.");
        var run = new SmartChargingTestRun
        {
            Id = Guid.NewGuid(),
            ContractId = setup.ContractId,
            OperatorId = setup.OperatorId,
            ConnectionId = setup.ConnectionId,
            Seed = unchecked((long)setup.Seed),
            RequestedSize = setup.RequestedSize,
            Candidates = setup.Candidates,
            CoveredEvses = setup.CoveredEvses,
            CapableEvses = setup.CapableEvses,
            LimitKw = setup.Profile.LimitKw,
            DurationSeconds = setup.Profile.DurationSeconds,
            Purpose = setup.Profile.Purpose,
            TolerancePercent = setup.TolerancePercent,
            StartedAtUtc = nowUtc,
            StartedBy = startedBy.Length > MaxStartedByLength ? startedBy[..MaxStartedByLength] : startedBy,
            WaitUntilUtc = nowUtc + wait,
        };
        run._evses.AddRange(sample.Select(s => SmartChargingTestEvse.Create(s, capable.Contains(s.Evse))));
        return run;
    }

    /// <summary>When the profile stops being in force, counted from the start of the run (the profile is queued then).</summary>
    public DateTime ProfileEndsAtUtc => StartedAtUtc.AddSeconds(DurationSeconds);

    public SmartChargingTestEvse Evse(int position) =>
        _evses.SingleOrDefault(e => e.Position == position) ?? throw new DomainRuleViolated("Not an EVSE of this run.");

    public IReadOnlyList<EvseObservation> Observations => _evses.Select(e => e.Observation).ToList();

    public SmartChargingFigures Figures => SmartChargingFigures.Of(CoveredEvses, CapableEvses, Observations);

    /// <summary>
    /// Completes the run from the observations recorded on its EVSEs, judging the attached requirements it evidences;
    /// returns the finding on the contract when the run failed.
    /// </summary>
    public ContractFinding? Complete(IEnumerable<(string SetId, string Code)> attached, DateOnly today, DateTime nowUtc)
    {
        if (IsCompleted)
            throw new DomainRuleViolated(DomainRule.SmartChargingRunCompleted, "This test run is completed.");
        var verdicts = SmartChargingVerdicts.Judge(Observations, attached);
        _requirements.AddRange(verdicts.Select(SmartChargingTestRequirement.From));
        Verdict = SmartChargingVerdicts.Overall(verdicts);
        CompletedAtUtc = nowUtc;
        if (Verdict != SmartChargingVerdict.Fail)
            return null;
        var failed = verdicts.Where(v => v.Verdict == SmartChargingVerdict.Fail)
            .Select(v => v.IsPowerCap ? string.Create(CultureInfo.InvariantCulture, $"power cap {LimitKw} kW") : $"{v.SetId} {v.Code}");
        var evses = _evses.Where(e => e.Observation.Verdict == SmartChargingVerdict.Fail).Select(e => new EvseRef(e.LocationId, e.EvseUid));
        return ContractFinding.SmartChargingTestFailed(ContractId, Id, string.Join(", ", failed), evses, today, nowUtc);
    }
}

/// <summary>A sampled EVSE of a run: the session, the profile request sent, and what came back.</summary>
public sealed class SmartChargingTestEvse
{
    private SmartChargingTestEvse() { }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public int Position { get; private set; }
    public string LocationId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";
    public string SessionId { get; private set; } = "";

    /// <summary>Whether the EVSE declared CHARGING_PROFILE_CAPABLE when the run started.</summary>
    public bool Capable { get; private set; }

    /// <summary>The SetChargingProfile request queued for it.</summary>
    public Guid? ProfileRequestId { get; private set; }
    public string? SyncAnswer { get; private set; }
    public string? AsyncResult { get; private set; }
    public long? LatencyMilliseconds { get; private set; }
    public decimal? MeasuredMaxKw { get; private set; }
    public bool? Adhered { get; private set; }

    public EvseObservation Observation => new(Capable, SyncAnswer, AsyncResult, LatencyMilliseconds, MeasuredMaxKw, Adhered);

    internal static SmartChargingTestEvse Create(SampledSession session, bool capable) => new()
    {
        Position = session.Position,
        LocationId = session.Evse.LocationId,
        EvseUid = session.Evse.EvseUid ?? "",
        SessionId = session.SessionId,
        Capable = capable,
    };

    public void Sent(Guid requestId) => ProfileRequestId = requestId;

    /// <summary>What the round trip and the CDR gave so far; adherence follows from the measured power, the limit and the tolerance.</summary>
    public void Observe(string? syncAnswer, string? asyncResult, long? latencyMilliseconds, decimal? measuredMaxKw, decimal limitKw, decimal tolerancePercent)
    {
        SyncAnswer = syncAnswer;
        AsyncResult = asyncResult;
        LatencyMilliseconds = latencyMilliseconds;
        MeasuredMaxKw = measuredMaxKw;
        Adhered = ChargingPeriodPower.Adheres(measuredMaxKw, limitKw, tolerancePercent);
    }
}

/// <summary>The verdict of a completed run on a requirement it evidences (set and code), or on the contract's power cap (both null).</summary>
public sealed class SmartChargingTestRequirement
{
    private SmartChargingTestRequirement() { }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public string? SetId { get; private set; }
    public string? Code { get; private set; }
    public SmartChargingVerdict Verdict { get; private set; }

    internal static SmartChargingTestRequirement From(SmartChargingRequirementVerdict verdict) =>
        new() { SetId = verdict.SetId, Code = verdict.Code, Verdict = verdict.Verdict };
}
