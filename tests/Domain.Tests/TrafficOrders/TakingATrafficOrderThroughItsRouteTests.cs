using Portal.Domain.Common;
using Portal.Domain.Geography;
using Portal.Domain.TrafficOrders;
using static Portal.Domain.Tests.TrafficOrders.OrderTestData;

namespace Portal.Domain.Tests.TrafficOrders;

public sealed class TakingATrafficOrderThroughItsRouteTests
{
    [Fact]
    public void DirectRoute_WithoutObjections_BecomesFinalTheDayAfterTheTerm()
    {
        var order = PublishedDirect();

        Assert.Equal(D(2026, 4, 16), order.ObjectionTerm(Calendar)!.LastDay);
        Assert.Equal(DomainRule.ObjectionTermRunning, order.WhyNotFinal(D(2026, 4, 16), Calendar));
        var e = Assert.Throws<DomainRuleViolated>(() => order.BecomeFinal(D(2026, 4, 16), TrafficOrderActor.Portal, Noon(D(2026, 4, 16)), Calendar));
        Assert.Equal([D(2026, 4, 16)], e.Arguments);

        order.BecomeFinal(D(2026, 4, 17), TrafficOrderActor.Portal, Noon(D(2026, 4, 17)), Calendar);

        Assert.Equal(TrafficOrderStatus.Final, order.Status);
        Assert.Equal(
            [TrafficOrderStatus.Draft, TrafficOrderStatus.PoliceConsulted, TrafficOrderStatus.Decided, TrafficOrderStatus.Published, TrafficOrderStatus.Final],
            order.History.Select(h => h.To));
        Assert.Equal("portal", order.History[^1].ByUserId);
        Assert.Null(order.History[0].From);
    }

    [Fact]
    public void DecidingBeforeThePoliceWereConsulted_IsRefused()
    {
        var e = Assert.Throws<DomainRuleViolated>(() => Draft().Decide(D(2026, 3, 4), Officer, Noon(D(2026, 3, 4)), Calendar));

        Assert.Equal(DomainRule.StatusChangeNotAllowedForOrder, e.Rule);
        Assert.Equal([TrafficOrderStatus.Draft, TrafficOrderStatus.Decided], e.Arguments);
    }

    [Fact]
    public void PoliceConsultation_NeedsLocationsAndAnAnswer()
    {
        Assert.Equal(DomainRule.OrderHasNoLocations, Assert.Throws<DomainRuleViolated>(() =>
            Draft(locations: 0).RecordPoliceConsultation(D(2026, 2, 20), "Akkoord", Officer, Noon(D(2026, 2, 20)))).Rule);
        Assert.Equal(DomainRule.PoliceAnswerMissing, Assert.Throws<DomainRuleViolated>(() =>
            Draft().RecordPoliceConsultation(D(2026, 2, 20), "  ", Officer, Noon(D(2026, 2, 20)))).Rule);
        Assert.Equal(DomainRule.DateInFuture, Assert.Throws<DomainRuleViolated>(() =>
            Draft().RecordPoliceConsultation(D(2026, 2, 21), "Akkoord", Officer, Noon(D(2026, 2, 20)))).Rule);
    }

    [Fact]
    public void CorrectingThePoliceConsultation_IsKeptInHistory()
    {
        var order = Draft();
        order.RecordPoliceConsultation(D(2026, 2, 20), "Akkoord", Officer, Noon(D(2026, 2, 20)));

        order.RecordPoliceConsultation(D(2026, 2, 19), "Akkoord, mits bord E4.", Officer, Noon(D(2026, 2, 21)));

        Assert.Equal(D(2026, 2, 19), order.PoliceConsultedOn);
        Assert.Equal("Police consultation corrected", order.History[^1].Reason);
    }

    [Fact]
    public void PublicationDate_CannotPrecedeTheDecision()
    {
        var order = Draft();
        order.RecordPoliceConsultation(D(2026, 2, 20), "Akkoord", Officer, Noon(D(2026, 2, 20)));
        order.Decide(D(2026, 3, 4), Officer, Noon(D(2026, 3, 4)), Calendar);

        var e = Assert.Throws<DomainRuleViolated>(() =>
            order.Publish(Publication.Create(PublicationChannel.Gemeenteblad, D(2026, 3, 3), "gmb-2026-1"), Officer, Noon(D(2026, 3, 5))));

        Assert.Equal(DomainRule.DateBeforePreviousStep, e.Rule);
        Assert.Equal([D(2026, 3, 4)], e.Arguments);
    }

    [Fact]
    public void OnlyADraft_ChangesItsLocations()
    {
        var order = PublishedDirect();

        var e = Assert.Throws<DomainRuleViolated>(() => order.RemoveLocation(order.Locations[0].SpotId, Noon(D(2026, 3, 6))));

        Assert.Equal(DomainRule.OnlyDraftOrderCanChange, e.Rule);
        Assert.Equal(2, order.Locations.Count);
    }

    [Fact]
    public void ASpot_AppearsOnceInAnOrder()
    {
        var order = Draft(locations: 1);

        var e = Assert.Throws<DomainRuleViolated>(() => order.AddLocation(order.Locations[0].SpotId, "Utrechtseweg", "10",
            Coordinate.FromWgs84(51.98, 5.9), 2, PlannedSign.ForCharging(SignBoard.E8), Noon(D(2026, 2, 3))));

        Assert.Equal(DomainRule.SpotAlreadyInOrder, e.Rule);
    }

    [Fact]
    public void ALocation_KeepsWhatTheOrderSays()
    {
        var location = Draft(locations: 1).Locations[0];

        Assert.Equal("Utrechtseweg", location.Street);
        Assert.Equal("10", location.NearestHouseNumber);
        Assert.Equal(2, location.Bays);
        Assert.Equal("E04", location.Sign.RvvCode);
        Assert.Equal("opladen van elektrische voertuigen", location.SubSign);
        Assert.Equal(SignPlacement.Planned, location.SignStatus);
        Assert.InRange(location.RdX, 185_000, 195_000);   // Arnhem lies around x = 190 km, y = 445 km in RD
        Assert.InRange(location.RdY, 440_000, 450_000);
    }

    [Fact]
    public void Withdrawing_NeedsAReason_AndEndsTheOrder()
    {
        var order = Draft();

        Assert.Equal(DomainRule.ReasonRequiredForOrder, Assert.Throws<DomainRuleViolated>(() => order.Withdraw(" ", Officer, Noon(D(2026, 2, 3)))).Rule);
        order.Withdraw("Netbeheerder kan hier niet aansluiten.", Officer, Noon(D(2026, 2, 3)));

        Assert.Equal(TrafficOrderStatus.Withdrawn, order.Status);
        Assert.False(order.IsLive);
        Assert.Equal("Netbeheerder kan hier niet aansluiten.", order.History[^1].Reason);
        Assert.Empty(TrafficOrderStatusRule.NextFrom(TrafficOrderRoute.Direct, TrafficOrderStatus.Withdrawn));
    }

    [Fact]
    public void SignsArePlaced_OnlyOncePublished()
    {
        var draft = Draft();
        Assert.Equal(DomainRule.SignsBeforePublication, Assert.Throws<DomainRuleViolated>(() => draft.MarkSignsPlaced(draft.Locations[0].SpotId, Noon(D(2026, 2, 3)))).Rule);

        var order = PublishedDirect();
        order.MarkSignsPlaced(order.Locations[1].SpotId, Noon(D(2026, 3, 10)));

        Assert.Equal([SignPlacement.Planned, SignPlacement.Placed], order.Locations.Select(l => l.SignStatus));
    }

    [Theory]
    [InlineData(TrafficOrderRoute.Direct, TrafficOrderStatus.PoliceConsulted, TrafficOrderStatus.DraftPublished, false)]
    [InlineData(TrafficOrderRoute.Direct, TrafficOrderStatus.Published, TrafficOrderStatus.ViewsReceived, false)]
    [InlineData(TrafficOrderRoute.Direct, TrafficOrderStatus.Final, TrafficOrderStatus.ObjectionsReceived, true)]
    [InlineData(TrafficOrderRoute.PublicPreparation, TrafficOrderStatus.PoliceConsulted, TrafficOrderStatus.Decided, false)]
    [InlineData(TrafficOrderRoute.PublicPreparation, TrafficOrderStatus.DraftPublished, TrafficOrderStatus.Decided, true)]
    [InlineData(TrafficOrderRoute.PublicPreparation, TrafficOrderStatus.Published, TrafficOrderStatus.ObjectionsReceived, false)]
    [InlineData(TrafficOrderRoute.PublicPreparation, TrafficOrderStatus.Final, TrafficOrderStatus.ObjectionsReceived, false)]
    public void EachRoute_HasItsOwnSteps(TrafficOrderRoute route, TrafficOrderStatus from, TrafficOrderStatus to, bool allowed) =>
        Assert.Equal(allowed, TrafficOrderStatusRule.CanMove(route, from, to));
}
