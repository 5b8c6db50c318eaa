using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Integration.Documents;
using Portal.Resources;

namespace Portal.Features.TrafficOrders.Objections;

/// <summary>How objections' dates and refused files read, on pages and in mails.</summary>
internal static class ObjectionTexts
{
    /// <summary>A calendar day as "16 april 2026" in the current culture.</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Why a file was not kept, in the same words as for an application's files.</summary>
    public static string Refusal(IStringLocalizer<Texts> T, DocumentRefusal reason) => reason switch
    {
        DocumentRefusal.Empty => T["Apply.Proof.Empty"],
        DocumentRefusal.TooLarge => T["Apply.Proof.TooLarge"],
        _ => T["Apply.Proof.WrongType"],
    };
}
