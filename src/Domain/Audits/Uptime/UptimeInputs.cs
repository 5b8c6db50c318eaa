using Portal.Domain.Contracts;

namespace Portal.Domain.Audits.Uptime;

/// <summary>A charge point as OCPI names it (uptime metric section 1): one EVSE of one location of one CPO.</summary>
public sealed record EvseKey(string CountryCode, string PartyId, string LocationId, string EvseUid)
{
    public override string ToString() => $"{CountryCode}*{PartyId}*{LocationId}*{EvseUid}";
}

/// <summary>One status of an EVSE as the CPO sent it: the OCPI status string, when it happened (<c>last_updated</c>, t_evt) and when the portal received it (t_rcv).</summary>
public sealed record StatusEvent(string Status, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt);

/// <summary>A half-open interval [Start, End) of time.</summary>
public sealed record TimeInterval(DateTimeOffset Start, DateTimeOffset End);

/// <summary>Why the portal could not measure (section 3.4, I8): its own receiver or puller was down, or its control probe against a second CPO failed as well.</summary>
public enum UnmeasuredCause
{
    /// <summary>The portal's ingest-health log shows its receiver or puller down: the whole interval is unmeasured.</summary>
    PortalOutage,

    /// <summary>The pull against a second CPO failed too: only the CPO feed's silence inside the interval is unmeasured.</summary>
    ControlProbeFailed,
}

public sealed record UnmeasuredInterval(DateTimeOffset Start, DateTimeOffset End, UnmeasuredCause Cause);

/// <summary>The EVSE's place in the contract registry: the dates it is in scope and its simultaneity group.</summary>
/// <param name="GoLive">The first day in scope (from local midnight in the location's time zone).</param>
/// <param name="Decommission">The first day no longer in scope, or null when still in service.</param>
/// <param name="SimultaneityGroup">The group of EVSEs that are really alternative connectors of one outlet, or null.</param>
public sealed record ContractScope(DateOnly GoLive, DateOnly? Decommission = null, string? SimultaneityGroup = null);

/// <summary>Another EVSE of the same simultaneity group, with its status events over the period.</summary>
public sealed record SiblingEvse(string EvseUid, IReadOnlyList<StatusEvent> Events);

/// <summary>An OCPI regular_hours entry: weekday 1 (Monday) to 7 (Sunday), local begin and end; an end at or before the begin runs into the next day.</summary>
public sealed record RegularHours(int Weekday, TimeSpan Begin, TimeSpan End);

/// <summary>An OCPI exceptional closing, with when the portal first saw it and whether the municipality approved it.</summary>
public sealed record ExceptionalClosing(DateTimeOffset Begin, DateTimeOffset End, DateTimeOffset FirstSeenAt, bool ApprovedByMunicipality = false);

/// <summary>
/// One version of a location's <c>opening_times</c> (I3), valid from <paramref name="ValidFrom"/> until the next
/// version. <paramref name="TwentyFourSeven"/> (or an absent opening_times) means always open.
/// </summary>
public sealed record OpeningTimesVersion(
    DateTimeOffset ValidFrom,
    string TimeZoneId,
    bool TwentyFourSeven,
    IReadOnlyList<RegularHours> RegularHours,
    IReadOnlyList<TimeInterval> ExceptionalOpenings,
    IReadOnlyList<ExceptionalClosing> ExceptionalClosings,
    bool ChargingWhenClosed = false)
{
    public static OpeningTimesVersion AlwaysOpen(DateTimeOffset validFrom, string timeZoneId) =>
        new(validFrom, timeZoneId, true, [], [], []);
}

/// <summary>An OCPI <c>status_schedule</c> entry of the EVSE, with when the portal first saw it (I4).</summary>
public sealed record StatusScheduleEntry(DateTimeOffset Begin, DateTimeOffset? End, string Status, DateTimeOffset FirstSeenAt);

/// <summary>
/// An approved exclusion claim from the ledger (I7). The metric applies the category's caps; people never do.
/// </summary>
/// <param name="ClaimId">The ledger's id, shown beside the outages it excluded.</param>
/// <param name="Category">E1-E5; decides the caps.</param>
/// <param name="Interval">The approved interval (for E2 the incident's start is <c>Interval.Start</c>).</param>
/// <param name="SupplyRestoredAt">E1: when the grid operator restored supply; the reboot grace runs from here.</param>
/// <param name="Schedule">E5: the status_schedule entry that announced the maintenance.</param>
/// <param name="IncidentReference">E2: the incident or police number; claims sharing it share the 10-day cap.</param>
public sealed record ApprovedExclusion(
    string ClaimId,
    ExclusionCategory Category,
    TimeInterval Interval,
    DateTimeOffset? SupplyRestoredAt = null,
    StatusScheduleEntry? Schedule = null,
    string? IncidentReference = null);

/// <summary>The window a figure is computed over: a calendar month (R1, R2 monthly) or a contract year or rolling 12 months (R2).</summary>
public enum PeriodKind
{
    Month,
    Year,
}

/// <summary>Everything the metric needs about one EVSE and one period; filled per EVSE so a run streams EVSE by EVSE.</summary>
public sealed record EvseUptimeInput
{
    public required EvseKey Evse { get; init; }
    public required MeasurementPeriod Period { get; init; }
    public required ContractScope Scope { get; init; }
    public required ContractTerms Terms { get; init; }

    /// <summary>The location's IANA time zone (e.g. Europe/Amsterdam): it places the dates of <see cref="Scope"/> and the E2 calendar days.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>The location's opening times; none means always open. The events list should start with the last event before the period.</summary>
    public required IReadOnlyList<OpeningTimesVersion> OpeningTimes { get; init; }

    public IReadOnlyList<StatusEvent> Events { get; init; } = [];

    /// <summary>Instants a pull of the CPO's feed succeeded (I2); each keeps the feed alive for the liveness window. Received events count too.</summary>
    public IReadOnlyList<DateTimeOffset> FeedConfirmations { get; init; } = [];

    public IReadOnlyList<UnmeasuredInterval> Unmeasured { get; init; } = [];

    public IReadOnlyList<SiblingEvse> Siblings { get; init; } = [];

    /// <summary>Tier A evidence (I6): intervals the OCPP connection was down. Null when the CPO supplies no log (tier B).</summary>
    public IReadOnlyList<TimeInterval>? ConnectivityLogOffline { get; init; }

    public IReadOnlyList<ApprovedExclusion> Exclusions { get; init; } = [];

    /// <summary>E5 time already excluded for this EVSE earlier in the same year, spent from the 72-hour yearly cap.</summary>
    public TimeSpan PlannedMaintenanceExcludedEarlierInYear { get; init; }

    /// <summary>A recomputation run applies events that arrived more than 24 hours late; a regular run leaves them out and flags them.</summary>
    public bool Recomputation { get; init; }

    public UptimeRules Rules { get; init; } = UptimeRules.Default;
}
