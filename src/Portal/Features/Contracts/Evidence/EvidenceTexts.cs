using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Contracts.Evidence;
using Portal.Resources;

namespace Portal.Features.Contracts.Evidence;

/// <summary>Evidence and findings in the reader's language: the same words on the page and in the exports.</summary>
internal static class EvidenceTexts
{
    public static string Euro(decimal amount) => amount.ToString("0.00##", CultureInfo.CurrentCulture);

    public static string Decision(IStringLocalizer<Texts> T, SubmittedEvidence evidence, DateOnly today) =>
        evidence.Decision == Domain.Contracts.EvidenceDecision.Accepted && evidence.ExpiresOn is { } expires && expires <= today
            ? T["Evidence.Status.Expired"]
            : T[$"Evidence.Status.{evidence.Decision}"];

    public static string Covers(IStringLocalizer<Texts> T, SubmittedEvidence evidence)
    {
        var parts = new List<string>();
        parts.Add(evidence.Evses.Count == 0 ? T["Evidence.AllEvses"] : string.Join(", ", evidence.Evses.Select(e => e.Evse.ToString())));
        if (evidence.Models is { } models)
            parts.Add(models);
        return string.Join("; ", parts);
    }

    public static string Finding(IStringLocalizer<Texts> T, ContractFinding finding, IReadOnlyList<SubmittedEvidence> evidence) => finding.Kind switch
    {
        ContractFindingKind.EvidenceExpired => T["Finding.EvidenceExpired",
            evidence.FirstOrDefault(e => e.Id == finding.EvidenceId)?.Title ?? "–", $"{finding.SetId} {finding.Code}",
            finding.ExpiredOn is { } expired ? Format.Date(expired) : "–"],
        ContractFindingKind.FieldCheckFailed => T["Finding.FieldCheckFailed", $"{finding.SetId} {finding.Code}", finding.Evses ?? "–", finding.Note ?? ""],
        ContractFindingKind.SmartChargingTestFailed => T["Finding.SmartChargingTestFailed", finding.Note ?? "–", finding.Evses ?? "–"],
        ContractFindingKind.ProtocolUpdateOverdue => Protocols.ProtocolUpdateTexts.Finding(T, finding.Protocol, finding.ProtocolVersion, finding.DueOn),
        ContractFindingKind.TimelinessBelowMinimum => T["Finding.TimelinessBelowMinimum",
            finding.Month is { } month ? Format.Month(month) : "–", Format.Percent(finding.MeasuredPercent ?? 0), Format.Percent(finding.MinimumPercent ?? 0), finding.LatencySeconds ?? 0],
        ContractFindingKind.AvailabilityBelowThreshold or ContractFindingKind.ConnectivityBelowThreshold => T[$"Finding.{finding.Kind}",
            finding.Month is { } start ? Format.Month(start) : "–", finding.MeasuredPercent is { } measured ? Format.Percent(measured) : "–",
            Format.Percent(finding.MinimumPercent ?? 0), finding.Evses ?? "–", finding.VersionNumber ?? 0],
        _ => T["Finding.TariffAboveCap", finding.TariffId ?? "–", T[$"TariffComponent.{finding.Component}"], Euro(finding.Price ?? 0), Euro(finding.Cap ?? 0),
            T[finding.CapIncludesVat == true ? "Finding.InclVat" : "Finding.ExclVat"], finding.SeenOn is { } seen ? Format.Date(seen) : "–",
            finding.VersionNumber ?? 0, finding.Evses ?? ""],
    };
}
