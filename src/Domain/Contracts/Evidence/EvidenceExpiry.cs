namespace Portal.Domain.Contracts.Evidence;

/// <summary>What the daily job does for a piece of evidence about to expire, or expired.</summary>
public enum EvidenceExpiryStep
{
    SixtyDayReminder,
    ThirtyDayReminder,
    Expired,
}

/// <summary>
/// When evidence that expires calls for a reminder or a finding, counted in Dutch calendar days. Accepted evidence,
/// and evidence still awaiting review, with an expiry day E:
/// <list type="bullet">
/// <item>from E − 60 up to E − 31: the 60-day reminder, once;</item>
/// <item>from E − 30 up to E − 1: the 30-day reminder, once (a 60-day reminder not sent by then is passed over: one
/// mail saying 30 days, not two);</item>
/// <item>from E on (the day it no longer counts): the expiry finding, once, and no reminder any more.</item>
/// </list>
/// A day the job did not run is made up on the next run. Evidence an accepted renewal already replaces, and rejected
/// evidence, calls for nothing.
/// </summary>
public static class EvidenceExpiry
{
    public const int FirstReminderDays = 60, SecondReminderDays = 30;

    public static EvidenceExpiryStep? StepDue(DateOnly today, EvidenceDecision decision, DateOnly? expiresOn,
        DateOnly? sixtyDayReminderOn, DateOnly? thirtyDayReminderOn, DateOnly? expiryRecordedOn, bool renewed)
    {
        if (expiresOn is not { } expires || decision == EvidenceDecision.Rejected || renewed)
            return null;
        if (today >= expires)
            return expiryRecordedOn is null ? EvidenceExpiryStep.Expired : null;
        if (today >= expires.AddDays(-SecondReminderDays))
            return thirtyDayReminderOn is null ? EvidenceExpiryStep.ThirtyDayReminder : null;
        if (today >= expires.AddDays(-FirstReminderDays))
            return sixtyDayReminderOn is null ? EvidenceExpiryStep.SixtyDayReminder : null;
        return null;
    }
}
