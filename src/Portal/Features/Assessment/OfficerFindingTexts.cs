using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Applications;
using Portal.Resources;

namespace Portal.Features.Assessment;

/// <summary>A pre-assessment finding in words, with its numbers: distance against the policy distance, occupancy against the threshold.</summary>
internal static class OfficerFindingTexts
{
    public static string Describe(IStringLocalizer<Texts> T, PreAssessmentFinding f)
    {
        static string Metres(double? value) => value is { } v ? v.ToString("0", CultureInfo.CurrentCulture) : "?";
        static string Percent(int? value) => value is { } v ? v.ToString(CultureInfo.CurrentCulture) : "?";
        if (f.Code == PreAssessmentFindingCode.NoChargePointWithinPolicyDistance && f.DistanceMetres is null)
            return T["Finding.NoChargePointKnown", Metres(f.PolicyDistanceMetres)];
        return T[$"Finding.{f.Code}", Metres(f.DistanceMetres), Metres(f.PolicyDistanceMetres), Percent(f.OccupancyPercent), Percent(f.ThresholdPercent), f.Label ?? ""];
    }
}
