using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Eligibility;
using Portal.Resources;

namespace Portal.Features.Map;

/// <summary>The plain-language sentences for an eligibility outcome and its reasons.</summary>
internal static class EligibilityTexts
{
    public static string Outcome(IStringLocalizer<Texts> T, EligibilityOutcome outcome) => T[$"Eligibility.Outcome.{outcome}"];

    public static string Reason(IStringLocalizer<Texts> T, EligibilityReason reason) =>
        T[$"Eligibility.Reason.{reason.Code}", Metres(reason.DistanceMetres), Metres(reason.PolicyDistanceMetres), reason.Label ?? "", reason.OccupancyPercent ?? 0, reason.ThresholdPercent ?? 0];

    public static string Metres(double? value) => value is { } v ? Math.Round(v).ToString("N0", CultureInfo.CurrentCulture) : "";
}
