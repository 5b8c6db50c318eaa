using Portal.Domain.Requirements;

namespace Portal.Domain.Contracts;

/// <summary>Where an attached requirement stands on a day.</summary>
public enum RequirementStateKind
{
    Met,
    NotMet,
    Unknown,
    EvidenceDue,
    EvidenceExpired,
}

/// <summary>Why a requirement has its state; the page says it in the reader's language with <see cref="RequirementState.Day"/> and the numbers.</summary>
public enum RequirementStateReason
{
    /// <summary>Accepted evidence covers every EVSE on the day; <see cref="RequirementState.Day"/> is the earliest day one of it expires (none: no expiry).</summary>
    EvidenceValid,

    /// <summary>No evidence was given and the day it is due has come (<see cref="RequirementState.Day"/>: due from).</summary>
    NoEvidence,

    /// <summary>The evidence is due from a later day (<see cref="RequirementState.Day"/>).</summary>
    NotDueYet,

    /// <summary>Accepted evidence expired on <see cref="RequirementState.Day"/> and nothing valid replaced it.</summary>
    EvidenceExpired,

    /// <summary>Evidence was given and awaits an officer's review.</summary>
    EvidencePending,

    /// <summary>The officer rejected the evidence (<see cref="RequirementState.Day"/>: the latest rejected evidence's issue day).</summary>
    EvidenceRejected,

    /// <summary>Valid accepted evidence covers only some EVSEs: <see cref="RequirementState.Uncovered"/> are not.</summary>
    EvsesNotCovered,

    /// <summary>A measurement misses a threshold (<see cref="RequirementState.Metric"/>, <see cref="RequirementState.Measured"/>, <see cref="RequirementState.Limit"/>).</summary>
    ThresholdMissed,

    /// <summary>Every threshold is met by the latest measurements.</summary>
    ThresholdsMet,

    /// <summary>Checked from OCPI data; no measurement for the day yet.</summary>
    AwaitingOcpiData,

    /// <summary>Checked in a field audit of a sample; no audit result yet.</summary>
    AwaitingFieldAudit,
}

/// <summary>An officer's verdict on a piece of evidence.</summary>
public enum EvidenceDecision
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// Evidence a CPO gave for a requirement: a certificate, declaration, test report or audit result, valid from its issue
/// day up to (not including) its expiry day, for the EVSEs it names (none named: every EVSE of the contract).
/// </summary>
public sealed record EvidenceRecord(DateOnly IssuedOn, DateOnly? ExpiresOn, EvidenceDecision Decision, IReadOnlyCollection<EvseRef> CoveredEvses)
{
    public bool IsValidOn(DateOnly day) => IssuedOn <= day && (ExpiresOn is null || day < ExpiresOn);

    public bool Covers(EvseRef evse) => CoveredEvses.Count == 0 || CoveredEvses.Contains(evse);
}

/// <summary>A measured value of a metric (from OCPI data or a field audit), for the period that ended on <paramref name="MeasuredOn"/>.</summary>
public sealed record Measurement(string Metric, decimal Value, DateOnly MeasuredOn);

/// <summary>A requirement's state on a day and the reason, with what the reason needs to be read.</summary>
public sealed record RequirementState(
    RequirementStateKind Kind,
    RequirementStateReason Reason,
    DateOnly? Day = null,
    string? Metric = null,
    decimal? Measured = null,
    decimal? Limit = null,
    IReadOnlyList<EvseRef>? Uncovered = null);

/// <summary>
/// The state of an attached requirement on a day, from how it is verified, its thresholds (as the contract holds them,
/// tightened or not), the evidence given, the measurements made and the EVSEs the contract covers.
/// <list type="bullet">
/// <item>Certificates and declarations: met while accepted evidence covers every EVSE; otherwise expired when accepted
/// evidence has expired (on its expiry day itself), unknown while new evidence awaits review, not met when the latest
/// evidence was rejected, and due (or not yet due before <c>dueFrom</c>) when nothing was given.</item>
/// <item>OCPI data and field audits: the latest measurement per metric on or before the day, against each threshold:
/// not met when one misses, met when all are met; a field audit without thresholds is judged by its evidence (an
/// accepted audit report) as above, but without measurements or evidence the state is unknown, not due: the portal
/// or the auditor, not the CPO, produces it.</item>
/// </list>
/// </summary>
public static class RequirementStateRule
{
    public static RequirementState On(DateOnly day, VerificationKind verification, IReadOnlyList<AttachedThreshold> thresholds,
        IReadOnlyList<EvidenceRecord> evidence, IReadOnlyList<Measurement> measurements, IReadOnlyCollection<EvseRef> coveredEvses, DateOnly dueFrom)
    {
        var measured = thresholds.Count > 0 && verification is VerificationKind.OcpiData or VerificationKind.FieldAudit;
        if (measured)
            return FromMeasurements(day, verification, thresholds, measurements);
        var fromEvidence = FromEvidence(day, evidence, coveredEvses, dueFrom);
        return verification is VerificationKind.OcpiData or VerificationKind.FieldAudit && fromEvidence.Reason is RequirementStateReason.NoEvidence or RequirementStateReason.NotDueYet
            ? new RequirementState(RequirementStateKind.Unknown, verification == VerificationKind.OcpiData ? RequirementStateReason.AwaitingOcpiData : RequirementStateReason.AwaitingFieldAudit)
            : fromEvidence;
    }

    private static RequirementState FromMeasurements(DateOnly day, VerificationKind verification, IReadOnlyList<AttachedThreshold> thresholds, IReadOnlyList<Measurement> measurements)
    {
        var missing = false;
        foreach (var threshold in thresholds)
        {
            var latest = measurements.Where(m => m.Metric == threshold.Metric && m.MeasuredOn <= day).MaxBy(m => m.MeasuredOn);
            if (latest is null)
            {
                missing = true;
                continue;
            }
            if (!threshold.IsMetBy(latest.Value))
                return new RequirementState(RequirementStateKind.NotMet, RequirementStateReason.ThresholdMissed, latest.MeasuredOn, threshold.Metric, latest.Value, threshold.Value);
        }
        return missing
            ? new RequirementState(RequirementStateKind.Unknown, verification == VerificationKind.OcpiData ? RequirementStateReason.AwaitingOcpiData : RequirementStateReason.AwaitingFieldAudit)
            : new RequirementState(RequirementStateKind.Met, RequirementStateReason.ThresholdsMet);
    }

    private static RequirementState FromEvidence(DateOnly day, IReadOnlyList<EvidenceRecord> evidence, IReadOnlyCollection<EvseRef> coveredEvses, DateOnly dueFrom)
    {
        var issued = evidence.Where(e => e.IssuedOn <= day).ToList();
        var valid = issued.Where(e => e.Decision == EvidenceDecision.Accepted && e.IsValidOn(day)).ToList();
        if (valid.Count > 0)
        {
            // Each EVSE is covered by the valid accepted evidence that runs longest for it; the requirement holds until the first of those ends.
            var uncovered = coveredEvses.Where(evse => !valid.Any(e => e.Covers(evse))).ToList();
            if (uncovered.Count == 0)
            {
                var targets = coveredEvses.Count == 0 ? [default(EvseRef?)] : coveredEvses.Select(e => (EvseRef?)e).ToList();
                var ends = targets.Select(target => valid.Where(e => target is null || e.Covers(target.Value))
                    .Select(e => e.ExpiresOn ?? DateOnly.MaxValue).Max()).ToList();
                var until = ends.Min();
                return new RequirementState(RequirementStateKind.Met, RequirementStateReason.EvidenceValid, until == DateOnly.MaxValue ? null : until);
            }
            if (!issued.Any(e => e.Decision == EvidenceDecision.Pending && e.IsValidOn(day)))
                return new RequirementState(RequirementStateKind.NotMet, RequirementStateReason.EvsesNotCovered, Uncovered: uncovered);
        }
        if (issued.Any(e => e.Decision == EvidenceDecision.Pending && e.IsValidOn(day)))
            return new RequirementState(RequirementStateKind.Unknown, RequirementStateReason.EvidencePending);
        var expired = issued.Where(e => e.Decision == EvidenceDecision.Accepted && e.ExpiresOn <= day).MaxBy(e => e.ExpiresOn);
        var rejected = issued.Where(e => e.Decision == EvidenceDecision.Rejected).MaxBy(e => e.IssuedOn);
        // The newer of an expired acceptance and a rejection speaks: a rejected renewal after an expiry leaves it not met.
        if (expired is not null && (rejected is null || rejected.IssuedOn < expired.ExpiresOn))
            return new RequirementState(RequirementStateKind.EvidenceExpired, RequirementStateReason.EvidenceExpired, expired.ExpiresOn);
        if (rejected is not null)
            return new RequirementState(RequirementStateKind.NotMet, RequirementStateReason.EvidenceRejected, rejected.IssuedOn);
        return day < dueFrom
            ? new RequirementState(RequirementStateKind.Unknown, RequirementStateReason.NotDueYet, dueFrom)
            : new RequirementState(RequirementStateKind.EvidenceDue, RequirementStateReason.NoEvidence, dueFrom);
    }
}
