namespace Portal.Domain.Eligibility;

public enum EligibilityOutcome
{
    /// <summary>No public charge point within the policy distance: an application makes sense.</summary>
    NoChargePointNearby,

    /// <summary>A public charge point is within the policy distance: an application will normally be referred to it.</summary>
    ChargePointNearby,

    /// <summary>Charge points are within the policy distance but all are busier than the threshold: an extra point can be justified.</summary>
    NearbyChargePointsBusy,
}

public enum EligibilityReasonCode
{
    NearestBeyondPolicyDistance,
    NoChargePointKnown,
    WithinPolicyDistance,
    BusierThanThreshold,
    UsageUnknown,
}

/// <summary>One reason behind the outcome, with the numbers it rests on.</summary>
public sealed record EligibilityReason(EligibilityReasonCode Code, double? DistanceMetres = null, double? PolicyDistanceMetres = null, string? Label = null, int? OccupancyPercent = null, int? ThresholdPercent = null);

public sealed record EligibilityAssessment(EligibilityOutcome Outcome, IReadOnlyList<EligibilityReason> Reasons, IReadOnlyList<NearbyChargePoint> Nearest);
