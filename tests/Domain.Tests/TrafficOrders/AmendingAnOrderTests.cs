using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.TrafficOrders;
using static Portal.Domain.Tests.TrafficOrders.OrderTestData;

namespace Portal.Domain.Tests.TrafficOrders;

/// <summary>An order published on 5 March 2026 with the spots at Utrechtseweg 10 and 11, amended by a new order.</summary>
public sealed class AmendingAnOrderTests
{
    private static TrafficOrder Amendment(TrafficOrder amended, params Guid[] spots)
    {
        var amending = TrafficOrder.DraftAmendment(amended, "VB-2026-0002", "Wijziging", TrafficOrderRoute.Direct, Officer, Noon(D(2026, 5, 1)));
        foreach (var spot in spots)
            amending.AddLocation(spot, "Utrechtseweg", null, Coordinate.FromWgs84(51.98, 5.9), 2, PlannedSign.ForCharging(SignBoard.E4), Noon(D(2026, 5, 1)));
        return amending;
    }

    [Fact]
    public void KeepingOneSpot_DroppingTheOther_AndAddingANewOne()
    {
        var amended = PublishedDirect();
        var (kept, dropped, added) = (amended.Locations[0].SpotId, amended.Locations[1].SpotId, Guid.NewGuid());

        var amendment = TrafficOrderAmendment.Of(amended, Amendment(amended, kept, added));

        Assert.Equal([kept], amendment.TakenOver);
        Assert.Equal([dropped], amendment.Released);
        Assert.Equal([added], amendment.Added);
    }

    [Fact]
    public void TheAmendingDraft_PointsAtTheAmendedOrder_InItsMunicipality()
    {
        var amended = PublishedDirect();

        var amending = Amendment(amended);

        Assert.Equal((amended.Id, amended.MunicipalityId, TrafficOrderStatus.Draft), (amending.AmendsOrderId!.Value, amending.MunicipalityId, amending.Status));
    }

    [Fact]
    public void AFinalOrder_CanBeAmended_ADraftOrAWithdrawnOneCannot()
    {
        var final = PublishedDirect();
        final.BecomeFinal(D(2026, 4, 17), TrafficOrderActor.Portal, Noon(D(2026, 4, 17)), Calendar);
        var withdrawn = PublishedDirect();
        withdrawn.Withdraw("Vergissing.", Officer, Noon(D(2026, 3, 6)));

        Assert.Equal(final.Id, Amendment(final).AmendsOrderId);
        Assert.Equal(DomainRule.OrderCannotBeAmended, Assert.Throws<DomainRuleViolated>(() => Amendment(Draft())).Rule);
        Assert.Equal(DomainRule.OrderCannotBeAmended, Assert.Throws<DomainRuleViolated>(() => Amendment(withdrawn)).Rule);
    }

    [Fact]
    public void AnOrderThatDoesNotAmendIt_IsNotItsAmendment() =>
        Assert.Throws<ArgumentException>(() => TrafficOrderAmendment.Of(PublishedDirect(), Draft()));
}
