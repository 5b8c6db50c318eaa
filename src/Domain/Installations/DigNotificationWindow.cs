using Portal.Domain.Terms;

namespace Portal.Domain.Installations;

public enum DigNotificationTiming
{
    InWindow,

    /// <summary>More than 20 working days before digging: the notification has to be made again.</summary>
    TooEarly,

    /// <summary>Fewer than 3 working days before digging.</summary>
    TooLate,
}

/// <summary>
/// The dig notification (KLIC graafmelding, WIBON) is made at least 3 and at most 20 working days before
/// mechanical digging starts. Read here as: no earlier than the 20th and no later than the 3rd working day
/// before the digging day, the digging day itself not counted (digging on a Thursday: the Monday before at the latest).
/// </summary>
public sealed record DigNotificationWindow(DateOnly Earliest, DateOnly Latest)
{
    public const int MostWorkingDaysBefore = 20;
    public const int FewestWorkingDaysBefore = 3;

    public static DigNotificationWindow For(DateOnly diggingStartsOn, TermsCalendar calendar) =>
        new(calendar.Before(diggingStartsOn, MostWorkingDaysBefore), calendar.Before(diggingStartsOn, FewestWorkingDaysBefore));

    public DigNotificationTiming Timing(DateOnly notifiedOn) =>
        notifiedOn < Earliest ? DigNotificationTiming.TooEarly
        : notifiedOn > Latest ? DigNotificationTiming.TooLate
        : DigNotificationTiming.InWindow;
}
