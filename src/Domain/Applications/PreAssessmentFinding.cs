namespace Portal.Domain.Applications;

/// <summary>
/// One rule's outcome with the numbers it rests on, so the officer and the resident see why. The
/// label names the charge point, permit zone, address or application the finding is about; the
/// related ids are the grouped or duplicate applications.
/// </summary>
public sealed record PreAssessmentFinding(
    PreAssessmentFindingCode Code,
    PreAssessmentEffect Effect,
    double? DistanceMetres = null,
    double? PolicyDistanceMetres = null,
    int? OccupancyPercent = null,
    int? ThresholdPercent = null,
    string? Label = null,
    IReadOnlyList<Guid>? RelatedApplicationIds = null);
