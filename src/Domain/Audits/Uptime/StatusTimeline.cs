using Portal.Domain.ChargePoints;

namespace Portal.Domain.Audits.Uptime;

/// <summary>One status event after the timeline rules: t_evt clamped to whole seconds and to t_rcv when in the future.</summary>
internal readonly record struct TimelineEvent(long At, long Received, EvseStatus Status, string Raw);

/// <summary>
/// The piecewise-constant status of one EVSE (section 3.1): each status holds from its t_evt until the next event;
/// events are ordered by t_evt, ties by t_rcv (and by the status text, so the order never depends on the input's).
/// Before the first event there is no data.
/// </summary>
internal sealed class StatusTimeline
{
    private readonly long[] _starts;
    private readonly EvseStatus[] _statuses;

    public StatusTimeline(IEnumerable<TimelineEvent> events)
    {
        var ordered = events.ToList();
        ordered.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Received != b.Received ? a.Received.CompareTo(b.Received) : string.CompareOrdinal(a.Raw, b.Raw));
        // Of events at the same instant the last one holds; the others last zero seconds.
        // A repeated status continues the segment it repeats (a BLOCKED sent twice is still one BLOCKED stretch).
        var starts = new List<long>(ordered.Count);
        var statuses = new List<EvseStatus>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if ((i + 1 < ordered.Count && ordered[i + 1].At == e.At) || (statuses.Count > 0 && statuses[^1] == e.Status))
                continue;
            starts.Add(e.At);
            statuses.Add(e.Status);
        }
        _starts = [.. starts];
        _statuses = [.. statuses];
    }

    public long? FirstEventAt => _starts.Length == 0 ? null : _starts[0];

    public EvseStatus? At(long instant)
    {
        var i = Array.BinarySearch(_starts, instant);
        i = i >= 0 ? i : ~i - 1;
        return i >= 0 ? _statuses[i] : null;
    }

    /// <summary>The time within [from, to) before the first event.</summary>
    public IntervalSet NoData(long from, long to) => IntervalSet.Of(from, Math.Min(to, FirstEventAt ?? to));

    /// <summary>The time within [from, to) the status matched <paramref name="predicate"/>.</summary>
    public IntervalSet Where(Func<EvseStatus, bool> predicate, long from, long to)
    {
        var builder = new IntervalSet.Builder();
        foreach (var (start, end, status) in Segments(from, to))
        {
            if (predicate(status))
                builder.Add(start, end);
        }
        return builder.Build();
    }

    /// <summary>The status segments clipped to [from, to), in time order.</summary>
    public IEnumerable<(long Start, long End, EvseStatus Status)> Segments(long from, long to)
    {
        for (var i = 0; i < _starts.Length; i++)
        {
            var start = Math.Max(from, _starts[i]);
            var end = Math.Min(to, i + 1 < _starts.Length ? _starts[i + 1] : long.MaxValue);
            if (end > start)
                yield return (start, end, _statuses[i]);
        }
    }

    /// <summary>The instants within (from, to) where the status changes.</summary>
    public IEnumerable<long> ChangesWithin(long from, long to)
    {
        var i = Array.BinarySearch(_starts, from + 1);
        for (i = i >= 0 ? i : ~i; i < _starts.Length && _starts[i] < to; i++)
            yield return _starts[i];
    }
}
