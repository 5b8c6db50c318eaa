using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Applications;
using Portal.Resources;

namespace Portal.Features.Applying;

/// <summary>How an application's parts read for the resident.</summary>
internal static class ResidentApplicationView
{
    public static string AddressLine(Application a) =>
        a.HouseNumber is null ? $"{a.Street}, {a.City}" : $"{a.Street} {a.HouseNumber}{a.HouseNumberAddition}, {a.Address.Postcode[..4]} {a.Address.Postcode[4..]} {a.City}";

    public static string Car(IStringLocalizer<Texts> T, Application a) =>
        a.LicencePlate is { } plate ? T["Apply.Summary.Plate", plate]
        : a.CarExpectedOn is { } date ? T["Apply.Summary.Expected", date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)]
        : T["Apply.Summary.NotYet"];
}
