using Portal.Domain.Common;
using Portal.Domain.Terms;
using Portal.Domain.TrafficOrders;
using static Portal.Domain.Tests.TrafficOrders.OrderTestData;

namespace Portal.Domain.Tests.TrafficOrders;

/// <summary>Objections to a direct order published on Thursday 5 March 2026 (objections until Thursday 16 April).</summary>
public sealed class HandlingObjectionsTests
{
    private static Objection Object(TrafficOrder order, DateTime atUtc, string reference = "BZ-2026-0001") =>
        order.Receive(ObjectionKind.Objection, Submission(), reference, atUtc, Calendar);

    [Fact]
    public void AnObjection_MovesTheOrder_AndStartsItsDecisionClock()
    {
        var order = PublishedDirect();

        var objection = Object(order, Noon(D(2026, 4, 1)));

        Assert.Equal(TrafficOrderStatus.ObjectionsReceived, order.Status);
        Assert.False(objection.IsLate);
        Assert.Equal(D(2026, 4, 1), objection.ReceivedOn);
        Assert.Equal(D(2026, 5, 28), objection.DecisionTerm(Calendar).LastDay(D(2026, 4, 20)));
        Assert.Equal("J. de Vries", objection.Name);
    }

    [Fact]
    public void TheLastMinuteOfTheLastDay_IsInTime_MidnightIsLate()
    {
        var order = PublishedDirect();

        // 23:59:59 in Arnhem on Thursday 16 April 2026 (summer time, UTC+2), then 00:00 on the 17th.
        var inTime = Object(order, new DateTime(2026, 4, 16, 21, 59, 59, DateTimeKind.Utc), "BZ-1");
        var late = Object(order, new DateTime(2026, 4, 16, 22, 0, 0, DateTimeKind.Utc), "BZ-2");

        Assert.False(inTime.IsLate);
        Assert.True(late.IsLate);
        Assert.Equal(D(2026, 4, 17), late.ReceivedOn);
    }

    [Fact]
    public void ALateObjection_ReopensAFinalOrder()
    {
        var order = PublishedDirect();
        order.BecomeFinal(D(2026, 4, 17), TrafficOrderActor.Portal, Noon(D(2026, 4, 17)), Calendar);

        var objection = Object(order, Noon(D(2026, 4, 20)));

        Assert.True(objection.IsLate);
        Assert.Equal(TrafficOrderStatus.ObjectionsReceived, order.Status);
        Assert.Equal("Late objection BZ-2026-0001 received", order.History[^1].Reason);
        Assert.Equal(D(2026, 6, 1), objection.DecisionTerm(Calendar).LastDay(D(2026, 4, 20)));   // counts from its arrival
    }

    [Fact]
    public void AViewOnADirectOrder_IsRefused() =>
        Assert.Equal(DomainRule.NotOpenForObjections, Assert.Throws<DomainRuleViolated>(() =>
            PublishedDirect().Receive(ObjectionKind.View, Submission(), "ZW-1", Noon(D(2026, 4, 1)), Calendar)).Rule);

    [Fact]
    public void AnObjectionBeforePublication_IsRefused() =>
        Assert.Equal(DomainRule.NotOpenForObjections, Assert.Throws<DomainRuleViolated>(() =>
            Draft().Receive(ObjectionKind.Objection, Submission(), "BZ-1", Noon(D(2026, 2, 3)), Calendar)).Rule);

    [Fact]
    public void TheOrderBecomesFinal_OnlyWhenEveryObjectionIsDecided()
    {
        var order = PublishedDirect();
        var first = Object(order, Noon(D(2026, 4, 1)), "BZ-1");
        var second = Object(order, Noon(D(2026, 4, 2)), "BZ-2");
        first.JudgeAdmissibility(true, null);
        order.DecideObjection(first.Id, ObjectionOutcome.Unfounded, ObjectionConsequence.Upheld, D(2026, 5, 20), "De plek voldoet aan het beleid.", Officer, Noon(D(2026, 5, 20)));

        Assert.Equal(DomainRule.ObjectionsUndecided, order.WhyNotFinal(D(2026, 5, 20), Calendar));

        second.JudgeAdmissibility(false, "Niet belanghebbend: woont in een andere stad.");
        order.DecideObjection(second.Id, ObjectionOutcome.Inadmissible, ObjectionConsequence.Upheld, D(2026, 5, 21), "Niet-ontvankelijk.", Officer, Noon(D(2026, 5, 21)));
        order.BecomeFinal(D(2026, 5, 21), Officer, Noon(D(2026, 5, 21)), Calendar);

        Assert.Equal(TrafficOrderStatus.Final, order.Status);
    }

    [Fact]
    public void AWellFoundedObjection_CanRevokeTheOrder()
    {
        var order = PublishedDirect();
        var objection = Object(order, Noon(D(2026, 4, 1)));
        objection.JudgeAdmissibility(true, null);

        order.DecideObjection(objection.Id, ObjectionOutcome.WellFounded, ObjectionConsequence.Revoked, D(2026, 5, 20), "De plek blokkeert een uitrit.", Officer, Noon(D(2026, 5, 20)));

        Assert.Equal(TrafficOrderStatus.Withdrawn, order.Status);
        Assert.Equal("Revoked on objection BZ-2026-0001", order.History[^1].Reason);
    }

    [Fact]
    public void AnUnfoundedObjection_CannotChangeTheOrder()
    {
        var order = PublishedDirect();
        var objection = Object(order, Noon(D(2026, 4, 1)));
        objection.JudgeAdmissibility(true, null);

        var e = Assert.Throws<DomainRuleViolated>(() => order.DecideObjection(objection.Id, ObjectionOutcome.Unfounded, ObjectionConsequence.Revoked,
            D(2026, 5, 20), "Ongegrond.", Officer, Noon(D(2026, 5, 20))));

        Assert.Equal(DomainRule.ConsequenceNeedsWellFounded, e.Rule);
        Assert.False(objection.IsDecided);
    }

    [Fact]
    public void DecidingOnTheGrounds_NeedsAdmissibilityFirst_AndReasons()
    {
        var order = PublishedDirect();
        var objection = Object(order, Noon(D(2026, 4, 1)));

        Assert.Equal(DomainRule.AdmissibilityNotJudged, Assert.Throws<DomainRuleViolated>(() => order.DecideObjection(objection.Id,
            ObjectionOutcome.Unfounded, ObjectionConsequence.Upheld, D(2026, 5, 20), "Ongegrond.", Officer, Noon(D(2026, 5, 20)))).Rule);
        Assert.Equal(DomainRule.InadmissibleNeedsReason, Assert.Throws<DomainRuleViolated>(() => objection.JudgeAdmissibility(false, "")).Rule);

        objection.JudgeAdmissibility(true, null);
        Assert.Equal(DomainRule.ObjectionDecisionNeedsReasons, Assert.Throws<DomainRuleViolated>(() => order.DecideObjection(objection.Id,
            ObjectionOutcome.Unfounded, ObjectionConsequence.Upheld, D(2026, 5, 20), " ", Officer, Noon(D(2026, 5, 20)))).Rule);
    }

    [Fact]
    public void TheClock_FollowsCommitteeExtensionRepairAndDeferral()
    {
        var order = PublishedDirect();
        var objection = Object(order, Noon(D(2026, 4, 1)));

        objection.UseAdvisoryCommittee(true, D(2026, 4, 20), Calendar);
        Assert.Equal(D(2026, 7, 9), objection.DecisionTerm(Calendar).LastDay(D(2026, 4, 20)));

        objection.AskForRepair(D(2026, 4, 21), Calendar);
        objection.RepairReceived(D(2026, 4, 24), Calendar);
        Assert.Equal(D(2026, 7, 13), objection.DecisionTerm(Calendar).LastDay(D(2026, 5, 1)));   // 9 July + 3 = Sunday 12 July, so Monday

        objection.ExtendDecisionTerm(D(2026, 6, 1), Calendar);
        Assert.Equal(D(2026, 8, 24), objection.DecisionTerm(Calendar).LastDay(D(2026, 6, 1)));   // 20 August + 3 = Sunday 23 August, so Monday
        Assert.Equal(DomainRule.CommitteeAfterExtension, Assert.Throws<DomainRuleViolated>(() => objection.UseAdvisoryCommittee(false, D(2026, 6, 2), Calendar)).Rule);

        objection.DeferDecision(D(2026, 8, 1), D(2026, 10, 1), DeferralGround.ObjectorConsented, Calendar);
        Assert.Equal(D(2026, 10, 1), objection.DecisionTerm(Calendar).LastDay(D(2026, 8, 1)));
    }

    [Fact]
    public void Hearing_MinutesNeedAPlannedHearing()
    {
        var objection = Object(PublishedDirect(), Noon(D(2026, 4, 1)));

        Assert.Equal(DomainRule.NoHearingPlanned, Assert.Throws<DomainRuleViolated>(() => objection.AttachHearingMinutes(Guid.NewGuid())).Rule);
        objection.PlanHearing(D(2026, 5, 6));
        var minutes = Guid.NewGuid();
        objection.AttachHearingMinutes(minutes);

        Assert.Equal(D(2026, 5, 6), objection.HearingOn);
        Assert.Equal(minutes, objection.HearingMinutesDocumentId);
    }

    [Theory]
    [InlineData("", "Straat 1", "a@b.nl", "grond", DomainRule.ObjectorNameMissing)]
    [InlineData("Naam", " ", "a@b.nl", "grond", DomainRule.ObjectorAddressMissing)]
    [InlineData("Naam", "Straat 1", "a.nl", "grond", DomainRule.ObjectorEmailInvalid)]
    [InlineData("Naam", "Straat 1", "a@b", "grond", DomainRule.ObjectorEmailInvalid)]
    [InlineData("Naam", "Straat 1", "a@b.nl", "", DomainRule.ObjectionGroundsMissing)]
    public void ASubmission_NeedsWhoWhereAndWhy(string name, string address, string email, string grounds, DomainRule rule) =>
        Assert.Equal(rule, Assert.Throws<DomainRuleViolated>(() => ObjectionSubmission.Create(name, address, email, grounds)).Rule);
}
