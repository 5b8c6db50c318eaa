using Portal.Domain.Common;
using Portal.Domain.TrafficOrders;
using static Portal.Domain.Tests.TrafficOrders.OrderTestData;

namespace Portal.Domain.Tests.TrafficOrders;

/// <summary>
/// Public preparation (Awb 3.4): the draft is available from Monday 2 March 2026, views until Monday
/// 13 April (day 42 is a Sunday), then the final order; no objections, six weeks for appeal.
/// </summary>
public sealed class PreparingAnOrderPubliclyTests
{
    private static TrafficOrder DraftPublished()
    {
        var order = Draft(TrafficOrderRoute.PublicPreparation, locations: 3);
        order.RecordPoliceConsultation(D(2026, 2, 20), "Akkoord.", Officer, Noon(D(2026, 2, 20)));
        order.PublishDraft(Publication.Create(PublicationChannel.Gemeenteblad, D(2026, 3, 2), "gmb-2026-90001"), Officer, Noon(D(2026, 3, 2)));
        return order;
    }

    [Fact]
    public void TheFinalOrder_WaitsForTheViewsTerm_AndForEveryViewToBeConsidered()
    {
        var order = DraftPublished();
        var view = order.Receive(ObjectionKind.View, Submission(), "ZW-2026-0001", Noon(D(2026, 3, 20)), Calendar);
        Assert.Equal(TrafficOrderStatus.ViewsReceived, order.Status);

        var early = Assert.Throws<DomainRuleViolated>(() => order.Decide(D(2026, 4, 13), Officer, Noon(D(2026, 4, 13)), Calendar));
        Assert.Equal(DomainRule.ViewsTermRunning, early.Rule);
        Assert.Equal([D(2026, 4, 13)], early.Arguments);

        Assert.Equal(DomainRule.ViewsNotConsidered, Assert.Throws<DomainRuleViolated>(() => order.Decide(D(2026, 4, 14), Officer, Noon(D(2026, 4, 14)), Calendar)).Rule);

        order.ConsiderView(view.Id, "De plek schuift twee vakken op, weg van de uitrit.", D(2026, 4, 14), Noon(D(2026, 4, 14)));
        order.Decide(D(2026, 4, 14), Officer, Noon(D(2026, 4, 14)), Calendar);
        order.Publish(Publication.Create(PublicationChannel.Gemeenteblad, D(2026, 4, 16), "gmb-2026-95000"), Officer, Noon(D(2026, 4, 16)));

        Assert.Equal(D(2026, 5, 28), order.ObjectionTerm(Calendar)!.LastDay);   // the appeal term: 16 April + 42 days
        Assert.Equal(DomainRule.NotOpenForObjections, Assert.Throws<DomainRuleViolated>(() =>
            order.Receive(ObjectionKind.Objection, Submission(), "BZ-1", Noon(D(2026, 4, 20)), Calendar)).Rule);

        order.BecomeFinal(D(2026, 5, 29), TrafficOrderActor.Portal, Noon(D(2026, 5, 29)), Calendar);
        Assert.Equal(
            [TrafficOrderStatus.Draft, TrafficOrderStatus.PoliceConsulted, TrafficOrderStatus.DraftPublished, TrafficOrderStatus.ViewsReceived,
             TrafficOrderStatus.Decided, TrafficOrderStatus.Published, TrafficOrderStatus.Final],
            order.History.Select(h => h.To));
    }

    [Fact]
    public void WithoutViews_TheFinalOrderFollowsTheTerm()
    {
        var order = DraftPublished();

        order.Decide(D(2026, 4, 14), Officer, Noon(D(2026, 4, 14)), Calendar);

        Assert.Equal(TrafficOrderStatus.Decided, order.Status);
        Assert.Equal(D(2026, 4, 13), order.ViewsTerm(Calendar)!.LastDay);
    }

    [Fact]
    public void ADirectOrder_HasNoDraftPublication()
    {
        var order = Draft();
        order.RecordPoliceConsultation(D(2026, 2, 20), "Akkoord.", Officer, Noon(D(2026, 2, 20)));

        var e = Assert.Throws<DomainRuleViolated>(() =>
            order.PublishDraft(Publication.Create(PublicationChannel.Gemeenteblad, D(2026, 3, 2), "gmb-1"), Officer, Noon(D(2026, 3, 2))));

        Assert.Equal(DomainRule.StepNotInRoute, e.Rule);
    }

    [Fact]
    public void AViewAfterTheTerm_IsTakenIn_AndMarkedLate()
    {
        var order = DraftPublished();

        var view = order.Receive(ObjectionKind.View, Submission(), "ZW-2026-0002", Noon(D(2026, 4, 14)), Calendar);

        Assert.True(view.IsLate);
        Assert.Throws<DomainRuleViolated>(() => view.DecisionTerm(Calendar));
    }

    [Fact]
    public void AJournalReference_IsRequired() =>
        Assert.Equal(DomainRule.JournalReferenceMissing, Assert.Throws<DomainRuleViolated>(() =>
            Publication.Create(PublicationChannel.Staatscourant, D(2026, 3, 2), "  ")).Rule);
}
