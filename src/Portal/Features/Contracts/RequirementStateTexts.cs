using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Contracts;
using Portal.Resources;

namespace Portal.Features.Contracts;

/// <summary>Why an attached requirement is in its state, in the reader's language: on the contract page and in its exports.</summary>
internal static class RequirementStateTexts
{
    public static string Reason(IStringLocalizer<Texts> T, RequirementState state) => state.Reason switch
    {
        RequirementStateReason.EvidenceValid when state.Day is null => T["RequirementStateReason.EvidenceValidNoEnd"],
        RequirementStateReason.ThresholdMissed => T["RequirementStateReason.ThresholdMissed", state.Metric!, Number(state.Measured!.Value), Number(state.Limit!.Value), Format.Date(state.Day!.Value)],
        RequirementStateReason.EvsesNotCovered => T["RequirementStateReason.EvsesNotCovered", state.Uncovered!.Count],
        _ => T[$"RequirementStateReason.{state.Reason}", state.Day is { } day ? Format.Date(day) : ""],
    };

    private static string Number(decimal value) => value.ToString("0.###", CultureInfo.CurrentCulture);
}
