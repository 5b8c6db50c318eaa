namespace Portal.Domain.TrafficOrders.OrderTexts;

/// <summary>
/// The interests a traffic order may serve, as WVW 1994 art. 2 names them; the order must say which
/// apply (BABW art. 21). The first four are art. 2(1), the last two art. 2(2).
/// </summary>
public enum RoadTrafficInterest
{
    RoadSafety,
    ProtectingRoadUsers,
    RoadUsability,
    FreedomOfTraffic,
    PreventingNuisance,
    CharacterOfAreas,
}

/// <summary>The law's wording of each interest and where it stands, for the order's considerations.</summary>
public static class RoadTrafficInterests
{
    public static IReadOnlyList<RoadTrafficInterest> All { get; } = Enum.GetValues<RoadTrafficInterest>();

    /// <summary>The usual choice for charging bays: safe, usable roads and efficient use of parking space (art. 2(1)(a), (c) and (d)).</summary>
    public static IReadOnlyList<RoadTrafficInterest> UsualForCharging { get; } =
        [RoadTrafficInterest.RoadSafety, RoadTrafficInterest.RoadUsability, RoadTrafficInterest.FreedomOfTraffic];

    /// <summary>"het verzekeren van de veiligheid op de weg".</summary>
    public static string Wording(RoadTrafficInterest interest) => interest switch
    {
        RoadTrafficInterest.RoadSafety => "het verzekeren van de veiligheid op de weg",
        RoadTrafficInterest.ProtectingRoadUsers => "het beschermen van weggebruikers en passagiers",
        RoadTrafficInterest.RoadUsability => "het in stand houden van de weg en het waarborgen van de bruikbaarheid daarvan",
        RoadTrafficInterest.FreedomOfTraffic => "het zoveel mogelijk waarborgen van de vrijheid van het verkeer",
        RoadTrafficInterest.PreventingNuisance => "het voorkomen of beperken van door het verkeer veroorzaakte overlast, hinder of schade",
        RoadTrafficInterest.CharacterOfAreas => "het voorkomen of beperken van door het verkeer veroorzaakte aantasting van het karakter of van de functie van objecten of gebieden",
        _ => throw new ArgumentOutOfRangeException(nameof(interest), interest, null),
    };

    /// <summary>"artikel 2, eerste lid, onder a".</summary>
    public static string Article(RoadTrafficInterest interest) => interest switch
    {
        RoadTrafficInterest.RoadSafety => "artikel 2, eerste lid, onder a",
        RoadTrafficInterest.ProtectingRoadUsers => "artikel 2, eerste lid, onder b",
        RoadTrafficInterest.RoadUsability => "artikel 2, eerste lid, onder c",
        RoadTrafficInterest.FreedomOfTraffic => "artikel 2, eerste lid, onder d",
        RoadTrafficInterest.PreventingNuisance => "artikel 2, tweede lid, onder a",
        RoadTrafficInterest.CharacterOfAreas => "artikel 2, tweede lid, onder b",
        _ => throw new ArgumentOutOfRangeException(nameof(interest), interest, null),
    };
}
