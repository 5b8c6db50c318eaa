namespace Portal.Domain.Audits.IngestHealth;

/// <summary>Why the portal was not receiving during an interval (several when merged intervals had several causes).</summary>
[Flags]
public enum IngestOutageCause
{
    None = 0,
    PortalDown = 1,
    PullFailed = 2,
    PushFailed = 4,
}

/// <summary>A stretch of time the portal was not receiving from a connection: unmeasured, never charged to the CPO.</summary>
public sealed record UnmeasuredInterval(DateTime FromUtc, DateTime UntilUtc, IngestOutageCause Causes)
{
    public TimeSpan Length => UntilUtc - FromUtc;
}

/// <summary>A heartbeat stretch as the rule reads it (no database types).</summary>
public sealed record IngestStretch(DateTime FromUtc, DateTime UntilUtc);

/// <summary>A failure as the rule reads it: for one connection, or (none named) for all.</summary>
public sealed record IngestFailureStretch(Guid? ConnectionId, IngestFailureKind Kind, DateTime FromUtc, DateTime UntilUtc);

/// <summary>
/// The portal's ingest-health record turned into the unmeasured time of a period for one connection (uptime metric v1,
/// input I8). The portal was down where no node's heartbeat covers the time: a gap between stretches (of any nodes,
/// merged) longer than <c>gap</c> is down as a whole, and so is the time after the last beat when more than <c>gap</c>
/// has passed by <c>asOfUtc</c>; shorter gaps are the beat's own rhythm. Before the first heartbeat ever recorded the
/// portal kept no record, so nothing there is unmeasured by this rule. Failures count for the connection they name and,
/// naming none, for every connection. Everything is clipped to the period (and to <c>asOfUtc</c>), and overlapping or
/// touching intervals are merged, their causes joined.
/// </summary>
public static class UnmeasuredTime
{
    public static IReadOnlyList<UnmeasuredInterval> Of(Guid connectionId, DateTime periodFromUtc, DateTime periodUntilUtc, DateTime asOfUtc, TimeSpan gap,
        IEnumerable<IngestStretch> heartbeats, IEnumerable<IngestFailureStretch> failures)
    {
        ArgumentNullException.ThrowIfNull(heartbeats);
        ArgumentNullException.ThrowIfNull(failures);
        var end = periodUntilUtc < asOfUtc ? periodUntilUtc : asOfUtc;
        var raw = new List<UnmeasuredInterval>();
        var beats = heartbeats.Where(h => h.UntilUtc >= h.FromUtc).OrderBy(h => h.FromUtc).ToList();
        if (beats.Count > 0)
        {
            var coveredUntil = beats[0].UntilUtc;
            foreach (var beat in beats.Skip(1))
            {
                if (beat.FromUtc - coveredUntil > gap)
                    raw.Add(new(coveredUntil, beat.FromUtc, IngestOutageCause.PortalDown));
                if (beat.UntilUtc > coveredUntil)
                    coveredUntil = beat.UntilUtc;
            }
            if (end - coveredUntil > gap)
                raw.Add(new(coveredUntil, end, IngestOutageCause.PortalDown));
        }
        raw.AddRange(failures.Where(f => f.UntilUtc > f.FromUtc && (f.ConnectionId is null || f.ConnectionId == connectionId)).Select(f =>
            new UnmeasuredInterval(f.FromUtc, f.UntilUtc, f.Kind == IngestFailureKind.Pull ? IngestOutageCause.PullFailed : IngestOutageCause.PushFailed)));

        var merged = new List<UnmeasuredInterval>();
        foreach (var interval in raw
            .Select(i => i with { FromUtc = i.FromUtc < periodFromUtc ? periodFromUtc : i.FromUtc, UntilUtc = i.UntilUtc > end ? end : i.UntilUtc })
            .Where(i => i.UntilUtc > i.FromUtc)
            .OrderBy(i => i.FromUtc))
        {
            if (merged.Count > 0 && interval.FromUtc <= merged[^1].UntilUtc)
            {
                var last = merged[^1];
                merged[^1] = last with { UntilUtc = interval.UntilUtc > last.UntilUtc ? interval.UntilUtc : last.UntilUtc, Causes = last.Causes | interval.Causes };
            }
            else
            {
                merged.Add(interval);
            }
        }
        return merged;
    }
}
