using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using static Portal.Domain.Tests.Contracts.Evidence.EvidenceTestData;

namespace Portal.Domain.Tests.Contracts.Evidence;

public sealed class RemindingOfExpiryTests
{
    /// <summary>Expires on 1 June 2026. 60 days before: 2 April (28 days left in April after the 2nd + 31 of May + 1 = 60); 30 days before: 2 May (29 + 1).</summary>
    private static readonly DateOnly Expires = new(2026, 6, 1);

    private static EvidenceExpiryStep? Due(DateOnly today, EvidenceDecision decision = EvidenceDecision.Accepted, DateOnly? sixty = null, DateOnly? thirty = null,
        DateOnly? recorded = null, bool renewed = false) =>
        EvidenceExpiry.StepDue(today, decision, Expires, sixty, thirty, recorded, renewed);

    [Theory]
    // 1 April is 61 days before 1 June: nothing yet.
    [InlineData("2026-04-01", null)]
    // 2 April + 60 days = 1 June: the first reminder.
    [InlineData("2026-04-02", EvidenceExpiryStep.SixtyDayReminder)]
    // 1 May is 31 days before: still the 60-day window.
    [InlineData("2026-05-01", EvidenceExpiryStep.SixtyDayReminder)]
    // 2 May + 30 days = 1 June: the 30-day reminder.
    [InlineData("2026-05-02", EvidenceExpiryStep.ThirtyDayReminder)]
    // 31 May, the last day it counts: still a reminder, not yet expired.
    [InlineData("2026-05-31", EvidenceExpiryStep.ThirtyDayReminder)]
    // 1 June: the expiry day itself, when it no longer counts.
    [InlineData("2026-06-01", EvidenceExpiryStep.Expired)]
    [InlineData("2026-09-01", EvidenceExpiryStep.Expired)]
    public void TheStep_FollowsTheDaysLeft(string today, EvidenceExpiryStep? expected) =>
        Assert.Equal(expected, Due(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void EachStep_IsTakenOnce()
    {
        Assert.Null(Due(new DateOnly(2026, 4, 10), sixty: new DateOnly(2026, 4, 2)));
        Assert.Null(Due(new DateOnly(2026, 5, 10), sixty: new DateOnly(2026, 4, 2), thirty: new DateOnly(2026, 5, 2)));
        Assert.Null(Due(new DateOnly(2026, 6, 2), recorded: new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void RejectedEvidence_OrEvidenceWithoutExpiry_OrRenewedEvidence_CallsForNothing()
    {
        Assert.Null(Due(new DateOnly(2026, 6, 1), EvidenceDecision.Rejected));
        Assert.Null(Due(new DateOnly(2026, 6, 1), renewed: true));
        Assert.Null(EvidenceExpiry.StepDue(new DateOnly(2026, 6, 1), EvidenceDecision.Accepted, null, null, null, null, false));
        // Evidence still awaiting review is reminded of too: the officer should decide before it runs out.
        Assert.Equal(EvidenceExpiryStep.ThirtyDayReminder, Due(new DateOnly(2026, 5, 20), EvidenceDecision.Pending));
    }

    [Fact]
    public void Recording_TheThirtyDayReminder_ClosesTheSixtyDayOne_AndTheExpiryClosesBoth()
    {
        var late = Accepted(Certificate(new DateOnly(2026, 1, 1), Expires));
        var today = new DateOnly(2026, 5, 20);

        Assert.Equal(EvidenceExpiryStep.ThirtyDayReminder, late.ExpiryStepDue(today, renewed: false));
        late.RecordExpiryStep(EvidenceExpiryStep.ThirtyDayReminder, today, Now);

        Assert.Equal((today, today), (late.SixtyDayReminderOn, late.ThirtyDayReminderOn));
        Assert.Null(late.ExpiryStepDue(today, renewed: false));
        Assert.Equal(EvidenceExpiryStep.Expired, late.ExpiryStepDue(Expires, renewed: false));
        late.RecordExpiryStep(EvidenceExpiryStep.Expired, Expires, Now);
        Assert.Null(late.ExpiryStepDue(Expires.AddDays(1), renewed: false));
        Assert.Equal([EvidenceStepKind.Uploaded, EvidenceStepKind.Accepted, EvidenceStepKind.RemindedThirtyDays, EvidenceStepKind.Expired], late.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void ARenewal_IsAcceptedEvidenceRunningLonger_ForAtLeastTheSameEvses()
    {
        var evse = new EvseRef("LOC1", "E1");
        var old = Accepted(Certificate(new DateOnly(2025, 6, 1), Expires, evse));

        Assert.True(old.IsRenewedBy(Accepted(Certificate(new DateOnly(2026, 3, 1), new DateOnly(2029, 6, 1), evse, new EvseRef("LOC2", "E1")))));
        // Naming no EVSE covers every EVSE of the contract.
        Assert.True(old.IsRenewedBy(Accepted(Certificate(new DateOnly(2026, 3, 1), new DateOnly(2029, 6, 1)))));
        Assert.False(old.IsRenewedBy(Submitted(Certificate(new DateOnly(2026, 3, 1), new DateOnly(2029, 6, 1), evse))), "not accepted yet");
        Assert.False(old.IsRenewedBy(Accepted(Certificate(new DateOnly(2026, 3, 1), Expires, evse))), "runs no longer");
        Assert.False(old.IsRenewedBy(Accepted(Certificate(new DateOnly(2026, 3, 1), new DateOnly(2029, 6, 1), new EvseRef("LOC2", "E1")))), "other EVSEs");
        Assert.False(old.IsRenewedBy(old), "itself");
    }
}
