namespace Portal.Domain.Terms;

/// <summary>The terms of the Algemene wet bestuursrecht (Awb) that a traffic order runs through.</summary>
public static class AwbTerms
{
    /// <summary>Objections, and appeal against an order prepared under Awb 3.4, take six weeks (art. 6:7).</summary>
    public const int ObjectionWeeks = 6;

    /// <summary>Views (zienswijzen) on a draft order take six weeks (art. 3:16(1)).</summary>
    public const int ViewsWeeks = 6;

    /// <summary>
    /// The objection term of an order published on <paramref name="publishedOn"/>: six weeks from the day
    /// after publication (art. 6:7, 6:8(1)). Published on Thursday 5 March 2026, it runs from Friday 6 March
    /// to Thursday 16 April 2026.
    /// </summary>
    public static StatutoryTerm Objection(DateOnly publishedOn, TermsCalendar calendar) =>
        StatutoryTerm.OfWeeks(publishedOn.AddDays(1), ObjectionWeeks, calendar);

    /// <summary>
    /// The appeal term of a final order prepared under Awb 3.4: six weeks from the day after it was made
    /// available for inspection (art. 6:8(4)); there is no objection stage (art. 7:1(1)(d)).
    /// </summary>
    public static StatutoryTerm Appeal(DateOnly publishedOn, TermsCalendar calendar) =>
        StatutoryTerm.OfWeeks(publishedOn.AddDays(1), ObjectionWeeks, calendar);

    /// <summary>
    /// The term for views on a draft order: six weeks from the day the draft is made available for
    /// inspection, that day included (art. 3:16(2)).
    /// </summary>
    public static StatutoryTerm Views(DateOnly draftAvailableOn, TermsCalendar calendar) =>
        StatutoryTerm.OfWeeks(draftAvailableOn, ViewsWeeks, calendar);

    /// <summary>The last day for the final order after views: six months after the views term ended (art. 3:18(1)).</summary>
    public static DateOnly FinalOrderAfterViewsDue(StatutoryTerm viewsTerm, TermsCalendar calendar) =>
        calendar.LastDay(viewsTerm.LastDay.AddMonths(6));
}
