namespace Portal.Domain.Contracts.ProtocolUpdates;

/// <summary>What the daily job does for an open protocol update.</summary>
public enum ProtocolUpdateStep
{
    SixtyDayReminder,
    ThirtyDayReminder,
    OverdueFinding,
}

/// <summary>
/// When an open protocol update with due date D calls for a reminder or a finding, in Dutch calendar days:
/// <list type="bullet">
/// <item>from D − 60 up to D − 31: the 60-day reminder;</item>
/// <item>from D − 30 up to D (the last day it may still be done): the 30-day reminder (a 60-day reminder not sent by
/// then is passed over);</item>
/// <item>from D + 1 on: the finding that it is overdue.</item>
/// </list>
/// A closed update calls for nothing. The caller makes each step happen once (a day the job did not run is made up on
/// the next run).
/// </summary>
public static class ProtocolUpdateReminder
{
    public const int FirstReminderDays = 60, SecondReminderDays = 30;

    public static ProtocolUpdateStep? StepDue(ContractProtocolUpdate update, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.IsClosed)
            return null;
        var due = update.DueOn;
        if (today > due)
            return ProtocolUpdateStep.OverdueFinding;
        if (today >= due.AddDays(-SecondReminderDays))
            return ProtocolUpdateStep.ThirtyDayReminder;
        if (today >= due.AddDays(-FirstReminderDays))
            return ProtocolUpdateStep.SixtyDayReminder;
        return null;
    }
}
