namespace Portal.Features.TrafficOrders;

/// <summary>The "TrafficOrders" configuration section.</summary>
internal sealed class TrafficOrderOptions
{
    /// <summary>
    /// Days a royal decree newer than this release equated with a public holiday for the Algemene
    /// termijnenwet (ISO dates, e.g. "2029-05-11"); added to the decrees the portal knows.
    /// </summary>
    public List<DateOnly> EquatedDays { get; set; } = [];

    /// <summary>Officers are reminded daily of undecided objections whose decision term ends within this many days, or has passed.</summary>
    public int ObjectionReminderDays { get; set; } = 14;
}
