using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Integration.Documents;
using Portal.Resources;

namespace Portal.Features.Applying;

/// <summary>How files and refusals read on the application pages.</summary>
internal static class ApplyFormat
{
    public static string Size(long bytes) =>
        bytes < 1024 * 1024
            ? string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, bytes / 1024)} kB")
            : (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.CurrentCulture) + " MB";

    public static string Refusal(IStringLocalizer<Texts> T, DocumentRefusal reason) => reason switch
    {
        DocumentRefusal.Empty => T["Apply.Proof.Empty"],
        DocumentRefusal.TooLarge => T["Apply.Proof.TooLarge"],
        DocumentRefusal.NotAnAllowedType => T["Apply.Proof.WrongType"],
        _ => T["Apply.Proof.WrongType"],
    };
}
