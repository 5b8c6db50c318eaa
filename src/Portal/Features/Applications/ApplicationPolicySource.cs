using Microsoft.Extensions.Options;
using Portal.Domain.Applications;
using Portal.Domain.Eligibility;
using Portal.Features.Map;

namespace Portal.Features.Applications;

/// <summary>
/// The rules an application is handled under in one municipality: the policy distance and
/// occupancy threshold, the decision term, permit zones, reject-reason templates, the texts
/// residents see and the retention period. The one place application features ask for them.
/// </summary>
internal sealed class ApplicationPolicySource(IOptions<MapOptions> mapOptions)
{
    public Task<ApplicationPolicy> GetAsync(Guid municipalityId, CancellationToken ct = default)
    {
        _ = municipalityId;
        _ = ct;
        var map = mapOptions.Value;
        return Task.FromResult(new ApplicationPolicy(
            new EligibilityPolicy(map.PolicyDistanceMetres, map.OccupancyThresholdPercent),
            DecisionDeadlineSettings.Default,
            PermitZones: [],
            RejectTemplates: [],
            ResidentIntroText: null,
            NextStepsText: null,
            RetentionMonths: 12));
    }
}

/// <summary>A municipality's application policy, ready to use.</summary>
internal sealed record ApplicationPolicy(
    EligibilityPolicy Eligibility,
    DecisionDeadlineSettings Deadline,
    IReadOnlyList<PermitZone> PermitZones,
    IReadOnlyList<RejectTemplate> RejectTemplates,
    string? ResidentIntroText,
    string? NextStepsText,
    int RetentionMonths);

/// <summary>A reason for rejection the officer starts from and then edits.</summary>
internal sealed record RejectTemplate(string Title, string Text);
