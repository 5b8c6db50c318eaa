using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Integration.Ocpi.Pulling;
using Portal.Resources;

namespace Portal.Features.Admin;

/// <summary>The connection page's texts that are built from data: a rule's description, a run's outcome with its counts.</summary>
internal static class OcpiConnectionTexts
{
    /// <summary>The description of a data-quality rule (<c>Quality.Rule.{code}</c>) in the reader's language; the code itself when unknown.</summary>
    public static string Rule(IStringLocalizer<Texts> texts, string rule)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var text = texts[$"Quality.Rule.{rule}"];
        return text.ResourceNotFound ? rule : text.Value;
    }

    /// <summary>"Gelukt", or with counts "Gelukt, 2 geweigerd, 5 met afwijkingen": never a plain success when objects were refused or flagged.</summary>
    public static string Outcome(IStringLocalizer<Texts> texts, OcpiPullRun run)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(run);
        var parts = new List<string>(3) { texts[$"AdminOcpi.Outcome.{run.Outcome}"] };
        if (run.Refused > 0)
            parts.Add(string.Format(CultureInfo.CurrentCulture, texts["AdminOcpi.Run.Refused"], Format.Number(run.Refused)));
        if (run.Flagged > 0)
            parts.Add(string.Format(CultureInfo.CurrentCulture, texts["AdminOcpi.Run.Flagged"], Format.Number(run.Flagged)));
        return string.Join(", ", parts);
    }
}
