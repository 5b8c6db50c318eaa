using Portal.Domain.TrafficOrders;
using static Portal.Domain.Tests.TrafficOrders.OrderTestData;

namespace Portal.Domain.Tests.TrafficOrders;

/// <summary>
/// When officers are reminded of an objection's decision day: an objection received on 1 April 2026 on the order
/// published 5 March (objections until Thursday 16 April) must be decided by Thursday 28 May (16 April + 42 days,
/// a working day). With a reminder window of 14 days, the first reminder is due on Thursday 14 May.
/// </summary>
public sealed class RemindingOfObjectionDecisionsTests
{
    private const int Window = 14;

    private static (TrafficOrder Order, Objection Objection) Received()
    {
        var order = PublishedDirect();
        return (order, order.Receive(ObjectionKind.Objection, Submission(), "BZ-2026-0001", Noon(D(2026, 4, 1)), Calendar));
    }

    [Fact]
    public void FifteenDaysBefore_NoReminder_FourteenDaysBefore_One()
    {
        var (_, objection) = Received();

        Assert.False(objection.NeedsDecisionReminder(D(2026, 5, 13), Window, Calendar));
        Assert.True(objection.NeedsDecisionReminder(D(2026, 5, 14), Window, Calendar));
        Assert.True(objection.NeedsDecisionReminder(D(2026, 5, 28), Window, Calendar));
    }

    [Fact]
    public void AnOverdueObjection_IsRemindedOfEveryDay_ButOnceADay()
    {
        var (_, objection) = Received();

        objection.RemindedOfDecision(D(2026, 5, 29));

        Assert.Equal(D(2026, 5, 29), objection.DecisionReminderSentOn);
        Assert.False(objection.NeedsDecisionReminder(D(2026, 5, 29), Window, Calendar));
        Assert.True(objection.NeedsDecisionReminder(D(2026, 5, 30), Window, Calendar));
    }

    [Fact]
    public void ADecidedObjection_NeedsNoReminder()
    {
        var (order, objection) = Received();

        objection.JudgeAdmissibility(true, null);
        order.DecideObjection(objection.Id, ObjectionOutcome.Unfounded, ObjectionConsequence.Upheld, D(2026, 5, 14), "Past in het beleid.", Officer, Noon(D(2026, 5, 14)));

        Assert.False(objection.NeedsDecisionReminder(D(2026, 5, 20), Window, Calendar));
    }

    [Fact]
    public void WhileARepairIsAwaited_TheClockStands_AndNoReminderGoesOut()
    {
        var (_, objection) = Received();

        // Asked on 10 May: the clock stands still from 11 May, so on 20 May the term is not nearer than on 10 May (18 days left).
        objection.AskForRepair(D(2026, 5, 10), Calendar);

        Assert.False(objection.NeedsDecisionReminder(D(2026, 5, 20), Window, Calendar));
    }

    [Fact]
    public void AView_HasNoDecisionTerm_AndNoReminder()
    {
        var order = Draft(TrafficOrderRoute.PublicPreparation);
        order.RecordPoliceConsultation(D(2026, 2, 20), "Geen bezwaar.", Officer, Noon(D(2026, 2, 20)));
        order.PublishDraft(Publication.Create(PublicationChannel.Gemeenteblad, D(2026, 3, 5), "gmb-2026-100002"), Officer, Noon(D(2026, 3, 5)));
        var view = order.Receive(ObjectionKind.View, Submission(), "ZW-2026-0001", Noon(D(2026, 4, 1)), Calendar);

        Assert.False(view.NeedsDecisionReminder(D(2026, 6, 30), Window, Calendar));
    }
}
