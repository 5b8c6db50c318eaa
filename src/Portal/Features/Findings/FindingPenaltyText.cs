using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Contracts.Findings;
using Portal.Resources;

namespace Portal.Features.Findings;

/// <summary>A finding's penalty in the reader's words: the frozen one once escalated, else the proposed one; the rule when it names no amount.</summary>
internal static class FindingPenaltyText
{
    public static string Of(IStringLocalizer<Texts> T, FindingRow row)
    {
        if (row.Response is { State: FindingState.Escalated } escalated)
            return escalated.PenaltyEuro is { } frozen ? Format.Euro(frozen) : T["Findings.NoPenalty"];
        return row.Penalty switch
        {
            null => T["Findings.NoPenalty"],
            { TotalEuro: { } total } => Format.Euro(total),
            { } rule => rule.Rule,
        };
    }

    /// <summary>How the amount was reached: "3 × € 250,00 (rule)".</summary>
    public static string Explained(IStringLocalizer<Texts> T, ProposedPenalty penalty) => penalty.AmountEuro is { } amount
        ? T["Findings.PenaltyExplained", T[$"ContractTerm.{penalty.Term}"], penalty.Units, Format.Euro(amount), penalty.Rule]
        : T["Findings.PenaltyRuleOnly", T[$"ContractTerm.{penalty.Term}"], penalty.Rule];
}
