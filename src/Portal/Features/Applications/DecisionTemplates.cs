using Microsoft.Extensions.Localization;
using Portal.Resources;

namespace Portal.Features.Applications;

/// <summary>
/// The reasons for rejection an officer starts from: the municipality's own when its policy has
/// them, otherwise four built-in ones (in the portal's language) so the form is useful from day one.
/// </summary>
internal static class DecisionTemplates
{
    public static readonly string[] BuiltInKeys = ["ChargePointNearby", "PrivateParking", "NoPermit", "NoElectricCar"];

    public static IReadOnlyList<RejectTemplate> For(ApplicationPolicy policy, IStringLocalizer<Texts> T) =>
        policy.RejectTemplates.Count > 0
            ? policy.RejectTemplates
            : BuiltInKeys.Select(k => new RejectTemplate(T[$"Decision.Template.{k}.Title"], T[$"Decision.Template.{k}.Text", policy.Eligibility.PolicyDistanceMetres])).ToList();
}
