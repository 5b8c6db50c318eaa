namespace Portal.Domain.Municipalities;

/// <summary>The rules a municipality's policy settings must meet; each broken one becomes a <see cref="PolicyProblem"/>.</summary>
public enum PolicyRule
{
    DistanceOutOfRange,
    OccupancyOutOfRange,
    DecisionWeeksOutOfRange,
    ExtensionWeeksOutOfRange,
    RetentionOutOfRange,
    NoRejectReason,
    TooManyRejectReasons,
    RejectReasonTitleMissing,
    RejectReasonTitleTooLong,
    RejectReasonTextMissing,
    RejectReasonTextTooLong,
    RejectReasonTitleRepeated,
    ResidentTextMissing,
    ResidentTextTooLong,
    TooManyPermitZones,
    PermitZoneNameMissing,
    PermitZoneNameTooLong,
    PermitZoneNameRepeated,
    BusyKwhOutOfRange,
    BusySessionsOutOfRange,
}

/// <summary>
/// One broken rule. <paramref name="Field"/> names the setting (and for a list, the row:
/// "RejectReasons[2].Title"), so a form can put the message next to the input it concerns.
/// </summary>
public sealed record PolicyProblem(PolicyRule Rule, string Field, string Message);
