using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// SHA-256 over a canonical text form of one EVSE-period's input, so a recomputation can prove it saw the same input.
/// The canonical form sorts what the metric itself orders (events by t_evt, t_rcv, status; confirmations; intervals;
/// claims by id; siblings by uid), so the order rows come out of the database does not matter, while any change of
/// a value does. Instants are written as UTC ticks, numbers with the invariant culture, one field per line.
/// </summary>
public static class UptimeFingerprint
{
    public static string Of(EvseUptimeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Line(string tag, params object?[] fields)
        {
            var text = tag + "|" + string.Join("|", fields.Select(Canonical)) + "\n";
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }

        Line("metric", UptimeMetric.Version);
        Line("evse", input.Evse.CountryCode, input.Evse.PartyId, input.Evse.LocationId, input.Evse.EvseUid);
        Line("period", input.Period.Start, input.Period.End, input.Period.Kind);
        Line("scope", input.Scope.GoLive, input.Scope.Decommission, input.Scope.SimultaneityGroup);
        Line("zone", input.TimeZoneId);
        Line("terms", input.Terms.AvailabilityPercentPerYear, input.Terms.ConnectivityPercentPerMonth, input.Terms.AvailabilityExcludesExogenousDamage);
        var r = input.Rules;
        Line("rules", r.Debounce, r.FeedLiveness, r.FutureTolerance, r.LateAfter, r.VeryLateAfter, r.BlockedFlagAfter, r.GridRebootGrace,
            r.ThirdPartyDamageMaxCalendarDays, r.PlannedMaintenanceMaxPerEvent, r.PlannedMaintenanceMaxPerYear, r.PlannedMaintenanceNoticeWorkingDays,
            r.ClosingNotice, r.MinimumCoverage, r.MinimumExposureMonth, r.MinimumExposureYear);
        Line("run", input.Recomputation, input.PlannedMaintenanceExcludedEarlierInYear);

        WriteEvents("event", input.Events, Line);
        foreach (var at in input.FeedConfirmations.Order())
            Line("confirmed", at);
        foreach (var u in input.Unmeasured.OrderBy(u => u.Start).ThenBy(u => u.End).ThenBy(u => u.Cause))
            Line("unmeasured", u.Start, u.End, u.Cause);
        foreach (var sibling in input.Siblings.OrderBy(s => s.EvseUid, StringComparer.Ordinal))
        {
            Line("sibling", sibling.EvseUid);
            WriteEvents("sibling-event", sibling.Events, Line);
        }
        Line("tier", input.ConnectivityLogOffline is null ? "B" : "A");
        foreach (var i in (input.ConnectivityLogOffline ?? []).OrderBy(i => i.Start).ThenBy(i => i.End))
            Line("offline", i.Start, i.End);
        foreach (var v in input.OpeningTimes.OrderBy(v => v.ValidFrom))
        {
            Line("opening", v.ValidFrom, v.TimeZoneId, v.TwentyFourSeven, v.ChargingWhenClosed);
            foreach (var h in v.RegularHours.OrderBy(h => h.Weekday).ThenBy(h => h.Begin).ThenBy(h => h.End))
                Line("regular", h.Weekday, h.Begin, h.End);
            foreach (var o in v.ExceptionalOpenings.OrderBy(o => o.Start).ThenBy(o => o.End))
                Line("exceptional-opening", o.Start, o.End);
            foreach (var c in v.ExceptionalClosings.OrderBy(c => c.Begin).ThenBy(c => c.End).ThenBy(c => c.FirstSeenAt))
                Line("exceptional-closing", c.Begin, c.End, c.FirstSeenAt, c.ApprovedByMunicipality);
        }
        foreach (var c in input.Exclusions.OrderBy(c => c.ClaimId, StringComparer.Ordinal))
        {
            Line("claim", c.ClaimId, c.Category.Code(), c.Interval.Start, c.Interval.End, c.SupplyRestoredAt, c.IncidentReference);
            if (c.Schedule is { } s)
                Line("schedule", s.Begin, s.End, s.Status, s.FirstSeenAt);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>One fingerprint over many EVSE-periods, independent of their order: SHA-256 over the sorted "key fingerprint" lines.</summary>
    public static string Combine(IEnumerable<(EvseKey Evse, string Fingerprint)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in parts.Select(p => p.Evse + " " + p.Fingerprint).Order(StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteEvents(string tag, IReadOnlyList<StatusEvent> events, Action<string, object?[]> line)
    {
        foreach (var e in events.OrderBy(e => e.OccurredAt).ThenBy(e => e.ReceivedAt).ThenBy(e => e.Status, StringComparer.Ordinal))
            line(tag, [e.Status, e.OccurredAt, e.ReceivedAt]);
    }

    private static string Canonical(object? value) => value switch
    {
        null => "-",
        DateTimeOffset instant => instant.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan span => span.Ticks.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        string text => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };
}
