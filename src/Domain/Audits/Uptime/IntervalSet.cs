namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// A set of instants as sorted, disjoint, non-adjacent half-open intervals [start, end) of whole Unix seconds. The
/// metric does all its set arithmetic (scope, access mask, down time, exclusions) with these, in one pass over both
/// operands, so the cost grows with the number of intervals and not with the length of the period.
/// </summary>
public sealed class IntervalSet
{
    private readonly long[] _starts;
    private readonly long[] _ends;

    public static IntervalSet Empty { get; } = new([], []);

    private IntervalSet(long[] starts, long[] ends)
    {
        _starts = starts;
        _ends = ends;
    }

    public int Count => _starts.Length;

    public bool IsEmpty => _starts.Length == 0;

    /// <summary>The number of seconds in the set.</summary>
    public long Length
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _starts.Length; i++)
                total += _ends[i] - _starts[i];
            return total;
        }
    }

    public IEnumerable<(long Start, long End)> Intervals
    {
        get
        {
            for (var i = 0; i < _starts.Length; i++)
                yield return (_starts[i], _ends[i]);
        }
    }

    public static IntervalSet Of(long start, long end) => end > start ? new([start], [end]) : Empty;

    /// <summary>The union of any intervals, in any order, overlapping or not; empty ones are dropped.</summary>
    public static IntervalSet Union(IEnumerable<(long Start, long End)> intervals)
    {
        var sorted = intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start).ToList();
        var builder = new Builder(sorted.Count);
        foreach (var (start, end) in sorted)
            builder.Add(start, end);
        return builder.Build();
    }

    /// <summary>Each instant widened to [instant, instant + width), merged; sorts <paramref name="instants"/> in place.</summary>
    public static IntervalSet AfterInstants(long[] instants, long width)
    {
        ArgumentNullException.ThrowIfNull(instants);
        Array.Sort(instants);
        var builder = new Builder();
        foreach (var at in instants)
            builder.Add(at, at + width);
        return builder.Build();
    }

    public bool Contains(long instant)
    {
        var i = IndexAtOrBefore(instant);
        return i >= 0 && instant < _ends[i];
    }

    public IntervalSet Union(IntervalSet other) => Combine(other, static (a, b) => a || b);

    public IntervalSet Intersect(IntervalSet other) => Combine(other, static (a, b) => a && b);

    public IntervalSet Except(IntervalSet other) => Combine(other, static (a, b) => a && !b);

    /// <summary>The set within [start, end).</summary>
    public IntervalSet Clip(long start, long end)
    {
        // Binary search to the first interval ending after start, so clipping many short windows stays cheap.
        var builder = new Builder();
        var i = IndexAtOrBefore(start);
        for (i = Math.Max(i, 0); i < _starts.Length && _starts[i] < end; i++)
            builder.Add(Math.Max(start, _starts[i]), Math.Min(end, _ends[i]));
        return builder.Build();
    }

    /// <summary>The first <paramref name="seconds"/> seconds of the set, in time order (caps are spent chronologically).</summary>
    public IntervalSet TakeFirst(long seconds)
    {
        var builder = new Builder(_starts.Length);
        var left = seconds;
        for (var i = 0; i < _starts.Length && left > 0; i++)
        {
            var take = Math.Min(left, _ends[i] - _starts[i]);
            builder.Add(_starts[i], _starts[i] + take);
            left -= take;
        }
        return builder.Build();
    }

    /// <summary>Every interval widened at its end by <paramref name="seconds"/>, then merged.</summary>
    public IntervalSet ExtendEnds(long seconds) => Union(Intervals.Select(i => (i.Start, i.End + seconds)));

    private int IndexAtOrBefore(long instant)
    {
        var i = Array.BinarySearch(_starts, instant);
        return i >= 0 ? i : ~i - 1;
    }

    private IntervalSet Combine(IntervalSet other, Func<bool, bool, bool> keep)
    {
        // A sweep over the boundaries of both sets: between two consecutive boundaries membership is constant.
        var builder = new Builder(_starts.Length + other._starts.Length);
        int i = 0, j = 0;
        bool inA = false, inB = false;
        long openedAt = 0;
        var open = false;
        while (i < 2 * _starts.Length || j < 2 * other._starts.Length)
        {
            var a = i < 2 * _starts.Length ? (i % 2 == 0 ? _starts[i / 2] : _ends[i / 2]) : long.MaxValue;
            var b = j < 2 * other._starts.Length ? (j % 2 == 0 ? other._starts[j / 2] : other._ends[j / 2]) : long.MaxValue;
            var at = Math.Min(a, b);
            if (a == at)
            {
                inA = i % 2 == 0;
                i++;
            }
            if (b == at)
            {
                inB = j % 2 == 0;
                j++;
            }
            var now = keep(inA, inB);
            if (now && !open)
            {
                openedAt = at;
                open = true;
            }
            else if (!now && open)
            {
                builder.Add(openedAt, at);
                open = false;
            }
        }
        return builder.Build();
    }

    /// <summary>Collects intervals given in order of their starts, merging overlapping and adjacent ones.</summary>
    public sealed class Builder(int capacity = 4)
    {
        private readonly List<long> _starts = new(capacity);
        private readonly List<long> _ends = new(capacity);

        public void Add(long start, long end)
        {
            if (end <= start)
                return;
            var last = _starts.Count - 1;
            if (last >= 0 && start <= _ends[last])
            {
                if (start < _starts[last])
                    throw new InvalidOperationException("Intervals must be added in order of their starts.");
                _ends[last] = Math.Max(_ends[last], end);
                return;
            }
            _starts.Add(start);
            _ends.Add(end);
        }

        public IntervalSet Build() => _starts.Count == 0 ? Empty : new([.. _starts], [.. _ends]);
    }
}
