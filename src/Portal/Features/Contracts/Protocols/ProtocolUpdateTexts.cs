using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Contracts.ProtocolUpdates;
using Portal.Resources;

namespace Portal.Features.Contracts.Protocols;

/// <summary>A protocol update in the reader's language: the same words on the contract page and in the compliance exports.</summary>
internal static class ProtocolUpdateTexts
{
    /// <summary>"18 months from 1 April 2026 (the contract's start)" or "… (certification)".</summary>
    public static string Term(IStringLocalizer<Texts> T, ContractProtocolUpdate update) =>
        T[update.CountedFrom == update.CertificationAvailableOn ? "ProtocolUpdates.TermFromCertification" : "ProtocolUpdates.TermFromContract",
            update.Months, Format.Date(update.CountedFrom)];

    /// <summary>How many days are left, how late it is, or how late it was closed.</summary>
    public static string Detail(IStringLocalizer<Texts> T, ContractProtocolUpdate update, DateOnly today) => update.State switch
    {
        ProtocolUpdateState.Open => T["ProtocolUpdates.DaysLeft", update.DaysLeft(today)],
        ProtocolUpdateState.Overdue => T["ProtocolUpdates.DaysOverdue", -update.DaysLeft(today)],
        ProtocolUpdateState.ClosedLate => T["ProtocolUpdates.ClosedDaysLate", update.ClosedOn!.Value.DayNumber - update.DueOn.DayNumber],
        _ => T["ProtocolUpdates.ClosedInTime"],
    };

    /// <summary>The finding's words: the version, the requirement and the day it was due.</summary>
    public static string Finding(IStringLocalizer<Texts> T, string? protocol, string? version, DateOnly? dueOn) =>
        T["Finding.ProtocolUpdateOverdue", ProtocolNames.Join(protocol ?? "?", version ?? "?"), dueOn is { } due ? Format.Date(due) : "–"];
}
