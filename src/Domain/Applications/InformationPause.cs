using Portal.Domain.Common;

namespace Portal.Domain.Applications;

/// <summary>A request for more information and, once it came, the resident's answer; the decision clock stands still in between.</summary>
public sealed record InformationPause(DateTime RequestedAtUtc, DateTime? AnsweredAtUtc = null)
{
    public bool IsOpen => AnsweredAtUtc is null;

    /// <summary>
    /// Whole Dutch calendar days from the request to the answer (or to today while unanswered). Awb 4:15
    /// suspends from the day after the request until the day of the answer; counting the answer
    /// day as paused too keeps the deadline from jumping back a day when the answer arrives.
    /// </summary>
    public int PausedDays(DateTime nowUtc)
    {
        var end = AnsweredAtUtc ?? nowUtc;
        return Math.Max(0, (DutchCalendar.DayOf(end) - DutchCalendar.DayOf(RequestedAtUtc)).Days);
    }
}
