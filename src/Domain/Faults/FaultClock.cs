namespace Portal.Domain.Faults;

/// <summary>How a measured time stands against the contract's maximum.</summary>
public enum FaultClockOutcome
{
    /// <summary>The contract sets no maximum (or no contract covers the EVSE): measured, not judged.</summary>
    NoTerm,
    Running,
    RunningOverdue,
    InTime,
    Late,
}

/// <summary>
/// One of a report's two clocks (response: reported → acknowledged; repair: reported → resolved) in plain elapsed
/// hours: the contract terms give the maxima in hours and name no calendar, so nights, weekends and holidays count.
/// A clock that has not stopped runs to <c>now</c>.
/// </summary>
public sealed record FaultClock(decimal ElapsedHours, decimal? MaxHours, bool Stopped, FaultClockOutcome Outcome)
{
    public static FaultClock Measure(DateTime startedAtUtc, DateTime? stoppedAtUtc, decimal? maxHours, DateTime nowUtc)
    {
        var end = stoppedAtUtc ?? nowUtc;
        var hours = end <= startedAtUtc ? 0m : Math.Round((decimal)(end - startedAtUtc).TotalHours, 2, MidpointRounding.AwayFromZero);
        var stopped = stoppedAtUtc is not null;
        var outcome = maxHours switch
        {
            null => FaultClockOutcome.NoTerm,
            { } max when stopped => hours <= max ? FaultClockOutcome.InTime : FaultClockOutcome.Late,
            { } max => hours <= max ? FaultClockOutcome.Running : FaultClockOutcome.RunningOverdue,
        };
        return new FaultClock(hours, maxHours, stopped, outcome);
    }
}
