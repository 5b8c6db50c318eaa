using BenchmarkDotNet.Attributes;
using Portal.Domain.Audits;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Contracts;

namespace Portal.Benchmarks;

/// <summary>
/// The uptime metric v1 over 1,000 EVSEs and one month (April 2026, Amsterdam) of synthetic in-memory status events,
/// about 600 per EVSE, next to a plain scan of the same events (sum the seconds of every non-UP status, no rules):
/// the ratio says what the metric's rules (liveness, mask, debounce, exclusions, register, fingerprint) cost over
/// touching each event once. A fifth of the EVSEs have office hours and one in ten an approved E1 claim.
/// </summary>
[MemoryDiagnoser]
public class UptimeMetricBenchmarks
{
    private const int Evses = 1_000, EventsPerEvse = 600;
    private static readonly string[] Statuses = ["AVAILABLE", "CHARGING", "AVAILABLE", "CHARGING", "OUTOFORDER", "UNKNOWN", "BLOCKED", "INOPERATIVE"];

    private EvseUptimeInput[] _inputs = [];
    private readonly UptimeMetric _metric = new();

    [GlobalSetup]
    public void Generate()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var period = MeasurementPeriod.CalendarMonth(2026, 4, zone);
        var pulls = new List<DateTimeOffset>();
        for (var at = period.Start.AddMinutes(-10); at < period.End; at = at.AddMinutes(10))
            pulls.Add(at);
        var officeHours = new OpeningTimesVersion(period.Start, "Europe/Amsterdam", false,
            [.. Enumerable.Range(1, 5).Select(d => new RegularHours(d, TimeSpan.FromHours(8), TimeSpan.FromHours(18)))], [], []);

        var random = new Random(17);
        var seconds = (long)period.Length.TotalSeconds;
        _inputs = new EvseUptimeInput[Evses];
        for (var e = 0; e < Evses; e++)
        {
            var events = new StatusEvent[EventsPerEvse];
            var at = period.Start.AddHours(-1);
            for (var i = 0; i < EventsPerEvse; i++)
            {
                // Mostly UP with now and then a short or long DOWN, spread over the month (~72 min apart on average).
                at = at.AddSeconds(random.NextInt64(60, 2 * seconds / EventsPerEvse));
                var status = i % 2 == 0 ? Statuses[random.Next(4)] : Statuses[random.Next(Statuses.Length)];
                events[i] = new StatusEvent(status, at, at.AddSeconds(random.Next(1, 90)));
            }
            var claimAt = period.Start.AddDays(random.Next(1, 28));
            _inputs[e] = new EvseUptimeInput
            {
                Evse = new EvseKey("NL", "ABC", "LOC" + (e / 4), "EVSE" + e),
                Period = period,
                Scope = new ContractScope(new DateOnly(2025, 1, 1)),
                Terms = new ContractTerms(),
                TimeZoneId = "Europe/Amsterdam",
                OpeningTimes = e % 5 == 0 ? [officeHours] : [],
                Events = events,
                FeedConfirmations = pulls,
                Exclusions = e % 10 == 0
                    ? [new ApprovedExclusion("E1-" + e, ExclusionCategory.GridSupplyInterruption, new TimeInterval(claimAt, claimAt.AddHours(3)), claimAt.AddHours(2))]
                    : [],
            };
        }
    }

    [Benchmark(Baseline = true)]
    public long PlainScan()
    {
        long down = 0;
        foreach (var input in _inputs)
        {
            var events = input.Events;
            for (var i = 0; i + 1 < events.Count; i++)
            {
                if (events[i].Status is not ("AVAILABLE" or "CHARGING" or "RESERVED" or "BLOCKED"))
                    down += (long)(events[i + 1].OccurredAt - events[i].OccurredAt).TotalSeconds;
            }
        }
        return down;
    }

    [Benchmark]
    public long Metric()
    {
        long down = 0;
        foreach (var input in _inputs)
            down += _metric.Compute(input).Seconds.D;
        return down;
    }

    [Benchmark]
    public int FingerprintOnly()
    {
        var n = 0;
        foreach (var input in _inputs)
            n += UptimeFingerprint.Of(input).Length;
        return n;
    }
}
