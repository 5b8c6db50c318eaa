namespace Portal.Domain.Terms;

/// <summary>Why a day does not count as the last day of a statutory term (Algemene termijnenwet art. 1 and 3).</summary>
public enum RestDay
{
    Saturday,
    Sunday,
    NewYearsDay,
    GoodFriday,
    EasterMonday,
    KingsDay,
    LiberationDay,
    AscensionDay,
    WhitMonday,
    ChristmasDay,
    BoxingDay,

    /// <summary>A day equated with a public holiday by royal decree (art. 3(3)), such as the Friday after Ascension Day.</summary>
    EquatedByDecree,
}
