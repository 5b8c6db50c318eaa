namespace Portal.Domain.Installations;

/// <summary>How long reaching something took over a set of cases: how many, the median and the 90th percentile, in days.</summary>
public sealed record LeadTimeSummary(int Count, double? MedianDays, double? Percentile90Days)
{
    public static LeadTimeSummary Of(IReadOnlyCollection<double> days) =>
        new(days.Count, Percentile.Of(days, 0.5), Percentile.Of(days, 0.9));
}

/// <summary>A share with what it counts, e.g. 7 of 9 grid connections within the norm; null when nothing is decided yet.</summary>
public sealed record Share(int Within, int Decided)
{
    public double? Fraction => Decided == 0 ? null : (double)Within / Decided;
}

/// <summary>
/// The lead-time figures of a set of cases (one CPO's, or all): per step, the days from the day a case was opened
/// to the day that step was done (cases that reached it); the share of grid connections realised within the ACM
/// norm (those realised, or still open past their due date; open ones not yet due are undecided); and the share of
/// cases commissioned by the day the contract requires (those commissioned, or past that day without it).
/// </summary>
public static class LeadTimes
{
    /// <summary>Per step, over the cases that have it (a removal has fewer steps).</summary>
    public static IReadOnlyDictionary<InstallationStep, LeadTimeSummary> PerStep(IEnumerable<InstallationCase> cases)
    {
        var list = cases.ToList();
        return Enum.GetValues<InstallationStep>().ToDictionary(
            step => step,
            step => LeadTimeSummary.Of([.. list
                .Select(c => (Opened: c.OpenedOn, Done: c.Find(step)?.DoneOn))
                .Where(x => x.Done is not null)
                .Select(x => (double)(x.Done!.Value.DayNumber - x.Opened.DayNumber))]));
    }

    public static Share GridConnectionsWithinNorm(IEnumerable<InstallationCase> cases, DateOnly today)
    {
        var within = 0;
        var decided = 0;
        foreach (var connection in cases.Select(c => c.GridConnectionRequest))
        {
            if (connection?.DueOn is not { } due)
                continue;
            if (connection.ConnectedOn is { } connected)
            {
                decided++;
                if (connected <= due)
                    within++;
            }
            else if (today > due)
            {
                decided++;
            }
        }
        return new Share(within, decided);
    }

    /// <summary>Commissioned by the day the contract wants; <paramref name="dueBy"/> gives that day per case (null: the contract sets none, the case is not counted).</summary>
    public static Share CommissionedInTime(IEnumerable<InstallationCase> cases, Func<InstallationCase, DateOnly?> dueBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dueBy);
        var within = 0;
        var decided = 0;
        foreach (var c in cases)
        {
            if (c.Find(InstallationStep.Commissioned) is not { } commissioned || dueBy(c) is not { } due || c.Status == InstallationCaseStatus.Cancelled)
                continue;
            if (commissioned.DoneOn is { } live)
            {
                decided++;
                if (live <= due)
                    within++;
            }
            else if (today > due)
            {
                decided++;
            }
        }
        return new Share(within, decided);
    }
}
