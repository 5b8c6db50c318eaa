namespace Portal.Domain.Terms;

/// <summary>
/// Days a royal decree equated with a public holiday for the Algemene termijnenwet (art. 3(3)). The
/// Crown fixes them about every three years in a "Besluit gelijkstelling ... met een algemeen erkende
/// feestdag" published in the Staatscourant; they follow no rule, so they are data. A newer decree is
/// added here or, without a release, through the portal's configuration.
/// </summary>
public static class EquatedDays
{
    public static readonly IReadOnlyList<DateOnly> ByKnownDecrees =
    [
        // Besluit of 31 October 2016 (Stcrt. 2016, 58653) for 2017-2019.
        new(2017, 4, 28), new(2017, 5, 26), new(2018, 5, 11), new(2018, 12, 24), new(2018, 12, 31), new(2019, 5, 31), new(2019, 12, 27),
        // Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025.
        new(2023, 4, 28), new(2023, 5, 19), new(2024, 5, 10), new(2024, 12, 27), new(2025, 5, 30),
        // Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028.
        new(2026, 1, 2), new(2026, 5, 15), new(2027, 5, 7), new(2028, 4, 28), new(2028, 5, 26),
    ];
}
