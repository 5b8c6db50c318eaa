using Portal.Domain.Geography;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;

namespace Portal.Domain.Tests.TrafficOrders;

/// <summary>Orders and dates the traffic-order tests share; every date is a Dutch day, every moment noon in Arnhem.</summary>
internal static class OrderTestData
{
    public static readonly TermsCalendar Calendar = TermsCalendar.Default;
    public static readonly TrafficOrderActor Officer = new("officer-1", "Officer One");

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Noon on a Dutch day, in UTC (11:00 in winter, 10:00 in summer).</summary>
    public static DateTime Noon(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), Portal.Domain.Common.DutchCalendar.TimeZone);

    public static TrafficOrder Draft(TrafficOrderRoute route = TrafficOrderRoute.Direct, int locations = 2)
    {
        var order = TrafficOrder.Draft(Guid.NewGuid(), "VB-2026-0001", "Parkeerplaatsen voor opladen, Arnhem-Noord", route, Officer, Noon(D(2026, 2, 2)));
        for (var i = 0; i < locations; i++)
            order.AddLocation(Guid.NewGuid(), "Utrechtseweg", (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Coordinate.FromWgs84(51.98 + (i * 0.001), 5.9), 2, PlannedSign.ForCharging(SignBoard.E4), Noon(D(2026, 2, 2)));
        return order;
    }

    /// <summary>A direct order decided on 4 March and published on Thursday 5 March 2026: objections until Thursday 16 April.</summary>
    public static TrafficOrder PublishedDirect()
    {
        var order = Draft();
        order.RecordPoliceConsultation(D(2026, 2, 20), "Geen bezwaar.", Officer, Noon(D(2026, 2, 20)));
        order.Decide(D(2026, 3, 4), Officer, Noon(D(2026, 3, 4)), Calendar);
        order.Publish(Publication.Create(PublicationChannel.Gemeenteblad, D(2026, 3, 5), "gmb-2026-100001"), Officer, Noon(D(2026, 3, 5)));
        return order;
    }

    public static ObjectionSubmission Submission() =>
        ObjectionSubmission.Create("J. de Vries", "Utrechtseweg 12, 6812 AA Arnhem", "j.devries@example.nl", "De laadplek neemt de enige invalidenparkeerplaats weg.");
}
