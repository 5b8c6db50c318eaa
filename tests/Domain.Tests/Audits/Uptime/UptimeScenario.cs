using Portal.Domain.Audits;
using Portal.Domain.Audits.Uptime;
using Portal.Domain.Contracts;

namespace Portal.Domain.Tests.Audits.Uptime;

/// <summary>
/// A charge point in Amsterdam, open day and night, with a live feed (a pull every 10 minutes) and AVAILABLE since
/// before the period. April 2026 (the default period) has 30 days without a daylight-saving change:
/// S = 30 x 86,400 = 2,592,000 s.
/// </summary>
internal static class UptimeScenario
{
    public const string Amsterdam = "Europe/Amsterdam";
    public const long April = 30 * 86_400;   // 2,592,000 s

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Amsterdam);
    public static readonly EvseKey Evse = new("NL", "ABC", "LOC1", "EVSE1");

    public static MeasurementPeriod AprilPeriod => MeasurementPeriod.CalendarMonth(2026, 4, Zone);

    /// <summary>A local time in Amsterdam (UTC+2 in April).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) =>
        LocalTime.ToUtc(new DateTime(year, month, day, hour, minute, 0), Zone);

    public static DateTimeOffset Apr(int day, int hour = 0, int minute = 0) => Local(2026, 4, day, hour, minute);

    /// <summary>A status received 5 seconds after it happened (on time).</summary>
    public static StatusEvent Ev(string status, DateTimeOffset at) => new(status, at, at.AddSeconds(5));

    public static EvseUptimeInput Input(MeasurementPeriod? period = null, params StatusEvent[] events)
    {
        var p = period ?? AprilPeriod;
        return new EvseUptimeInput
        {
            Evse = Evse,
            Period = p,
            Scope = new ContractScope(new DateOnly(2025, 1, 1)),
            Terms = new ContractTerms(),
            TimeZoneId = Amsterdam,
            OpeningTimes = [],
            Events = [Ev("AVAILABLE", p.Start.AddHours(-1)), .. events],
            FeedConfirmations = Pulls(p.Start.AddMinutes(-10), p.End),
        };
    }

    public static EvseUptimeInput Input(params StatusEvent[] events) => Input(null, events);

    /// <summary>A successful pull every 10 minutes in [from, to).</summary>
    public static DateTimeOffset[] Pulls(DateTimeOffset from, DateTimeOffset to)
    {
        var pulls = new List<DateTimeOffset>();
        for (var at = from; at < to; at = at.AddMinutes(10))
            pulls.Add(at);
        return [.. pulls];
    }

    /// <summary>The scenario's pulls without those in [from, to): the CPO's feed silent there.</summary>
    public static EvseUptimeInput WithoutPulls(this EvseUptimeInput input, DateTimeOffset from, DateTimeOffset to) =>
        input with { FeedConfirmations = [.. input.FeedConfirmations.Where(c => c < from || c >= to)] };

    public static ApprovedExclusion Claim(string id, ExclusionCategory category, DateTimeOffset start, DateTimeOffset end) =>
        new(id, category, new TimeInterval(start, end));

    public static EvseUptimeResult Compute(EvseUptimeInput input) => new UptimeMetric().Compute(input);
}
