using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Spots;
using Portal.Domain.TrafficOrders;
using Portal.Resources;

namespace Portal.Components.Shared;

/// <summary>
/// A broken domain rule in the reader's language: the text <c>Rule.{rule}</c> with the exception's
/// arguments formatted for the current culture. A guard without a rule keeps its (English) message.
/// </summary>
internal static class RuleMessages
{
    public static string Text(IStringLocalizer<Texts> T, DomainRuleViolated e) =>
        e.Rule is { } rule
            ? T[$"Rule.{rule}", e.Arguments.Select(a => Argument(T, a)).ToArray()]
            : e.Message;

    private static object Argument(IStringLocalizer<Texts> T, object value) => value switch
    {
        DateTime utc => Format.Date(utc),
        DateOnly day => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
        ApplicationStatus status => T[$"Queue.Status.{status}"].Value,
        SpotStatus status => T[$"SpotStatus.{status}"].Value,
        TrafficOrderStatus status => T[$"TrafficOrderStatus.{status}"].Value,
        ContractTerm term => T[$"ContractTerm.{term}"].Value,
        ThresholdDirection direction => T[$"ThresholdDirection.{direction}"].Value,
        ApplicationStep step => T[$"Apply.Step.{step}"].Value,
        IEnumerable<ApplicationStep> steps => string.Join(", ", steps.Select(s => T[$"Apply.Step.{s}"].Value)),
        double number => number.ToString("0.######", CultureInfo.CurrentCulture),
        int number => number.ToString(CultureInfo.CurrentCulture),
        decimal number => number.ToString("0.####", CultureInfo.CurrentCulture),
        _ => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "",
    };
}
