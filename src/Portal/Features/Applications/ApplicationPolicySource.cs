using System.Globalization;
using Portal.Domain.Applications;
using Portal.Domain.Eligibility;
using Portal.Features.Policies;

namespace Portal.Features.Applications;

/// <summary>
/// The rules an application is handled under in one municipality: the policy distance and
/// occupancy threshold, the decision term, permit zones, reject-reason templates, the texts
/// residents see and the retention period. The one place application features ask for them.
/// </summary>
internal sealed class ApplicationPolicySource(MunicipalityPolicies policies)
{
    public async Task<ApplicationPolicy> GetAsync(Guid municipalityId, CancellationToken ct = default)
    {
        var settings = await policies.GetAsync(municipalityId, ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return new ApplicationPolicy(
            settings.ToEligibilityPolicy(),
            settings.ToDeadlineSettings(),
            MunicipalityPolicies.PermitZonesOf(settings),
            settings.RejectReasons.Select(r => new RejectTemplate(r.Title, r.Text)).ToList(),
            settings.Texts.Intro(english),
            settings.Texts.NextSteps(english),
            settings.RetentionMonths);
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
