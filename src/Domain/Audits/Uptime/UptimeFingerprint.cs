using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Audits.Uptime;

/// <summary>
/// SHA-256 over a canonical text form of one EVSE-period's input, so a recomputation can prove it saw the same input.
/// The canonical form sorts what the metric itself orders (events by t_evt, t_rcv, status; confirmations; intervals;
/// claims by id; siblings by uid), so the order rows come out of the database does not matter, while any change of
/// a value does. One fact per line: a tag and '|'-separated fields; instants as UTC ticks, durations as ticks,
/// numbers in the invariant culture, text quoted with its '\', '|' and line breaks escaped.
/// </summary>
public static class UptimeFingerprint
{
    public static string Of(EvseUptimeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var w = new CanonicalWriter();

        w.Tag("metric").Text(UptimeMetric.Version).End();
        w.Tag("evse").Text(input.Evse.CountryCode).Text(input.Evse.PartyId).Text(input.Evse.LocationId).Text(input.Evse.EvseUid).End();
        w.Tag("period").Instant(input.Period.Start).Instant(input.Period.End).Text(input.Period.Kind.ToString()).End();
        w.Tag("scope").Day(input.Scope.GoLive).Day(input.Scope.Decommission).Text(input.Scope.SimultaneityGroup).End();
        w.Tag("zone").Text(input.TimeZoneId).End();
        w.Tag("terms").Number(input.Terms.AvailabilityPercentPerYear).Number(input.Terms.ConnectivityPercentPerMonth).Flag(input.Terms.AvailabilityExcludesExogenousDamage).End();
        var r = input.Rules;
        w.Tag("rules").Span(r.Debounce).Span(r.FeedLiveness).Span(r.FutureTolerance).Span(r.LateAfter).Span(r.VeryLateAfter).Span(r.BlockedFlagAfter)
            .Span(r.GridRebootGrace).Number(r.ThirdPartyDamageMaxCalendarDays).Span(r.PlannedMaintenanceMaxPerEvent).Span(r.PlannedMaintenanceMaxPerYear)
            .Number(r.PlannedMaintenanceNoticeWorkingDays).Span(r.ClosingNotice).Number(r.MinimumCoverage).Span(r.MinimumExposureMonth).Span(r.MinimumExposureYear).End();
        w.Tag("run").Flag(input.Recomputation).Span(input.PlannedMaintenanceExcludedEarlierInYear).End();

        Events(w, "event", input.Events);
        w.Tag("confirmations").Number(input.FeedConfirmations.Count).Text(ConfirmationsDigest(input.FeedConfirmations)).End();
        foreach (var u in input.Unmeasured.OrderBy(u => u.Start).ThenBy(u => u.End).ThenBy(u => u.Cause))
            w.Tag("unmeasured").Instant(u.Start).Instant(u.End).Text(u.Cause.ToString()).End();
        foreach (var sibling in input.Siblings.OrderBy(s => s.EvseUid, StringComparer.Ordinal))
        {
            w.Tag("sibling").Text(sibling.EvseUid).End();
            Events(w, "sibling-event", sibling.Events);
        }
        w.Tag("tier").Text(input.ConnectivityLogOffline is null ? "B" : "A").End();
        foreach (var i in (input.ConnectivityLogOffline ?? []).OrderBy(i => i.Start).ThenBy(i => i.End))
            w.Tag("offline").Instant(i.Start).Instant(i.End).End();
        foreach (var v in input.OpeningTimes.OrderBy(v => v.ValidFrom))
        {
            w.Tag("opening").Instant(v.ValidFrom).Text(v.TimeZoneId).Flag(v.TwentyFourSeven).Flag(v.ChargingWhenClosed).End();
            foreach (var h in v.RegularHours.OrderBy(h => h.Weekday).ThenBy(h => h.Begin).ThenBy(h => h.End))
                w.Tag("regular").Number(h.Weekday).Span(h.Begin).Span(h.End).End();
            foreach (var o in v.ExceptionalOpenings.OrderBy(o => o.Start).ThenBy(o => o.End))
                w.Tag("exceptional-opening").Instant(o.Start).Instant(o.End).End();
            foreach (var c in v.ExceptionalClosings.OrderBy(c => c.Begin).ThenBy(c => c.End).ThenBy(c => c.FirstSeenAt))
                w.Tag("exceptional-closing").Instant(c.Begin).Instant(c.End).Instant(c.FirstSeenAt).Flag(c.ApprovedByMunicipality).End();
        }
        foreach (var c in input.Exclusions.OrderBy(c => c.ClaimId, StringComparer.Ordinal))
        {
            w.Tag("claim").Text(c.ClaimId).Text(c.Category.Code()).Instant(c.Interval.Start).Instant(c.Interval.End).Instant(c.SupplyRestoredAt).Text(c.IncidentReference).End();
            if (c.Schedule is { } s)
                w.Tag("schedule").Instant(s.Begin).Instant(s.End).Text(s.Status).Instant(s.FirstSeenAt).End();
        }
        return w.Finish();
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

    private static void Events(CanonicalWriter w, string tag, IReadOnlyList<StatusEvent> events)
    {
        var ordered = events.ToArray();
        Array.Sort(ordered, static (a, b) => a.OccurredAt != b.OccurredAt ? a.OccurredAt.CompareTo(b.OccurredAt)
            : a.ReceivedAt != b.ReceivedAt ? a.ReceivedAt.CompareTo(b.ReceivedAt) : string.CompareOrdinal(a.Status, b.Status));
        foreach (var e in ordered)
            w.Tag(tag).Text(e.Status).Instant(e.OccurredAt).Instant(e.ReceivedAt).End();
    }

    /// <summary>
    /// The pulls of a CPO's feed are one list shared by all its EVSEs, thousands of instants a month: they are hashed
    /// once per list (a SHA-256 of their own canonical lines) and each EVSE's form carries that digest. Inputs are
    /// immutable records, so the list a digest was made of does not change afterwards.
    /// </summary>
    private static string ConfirmationsDigest(IReadOnlyList<DateTimeOffset> confirmations) =>
        Digests.GetValue(confirmations, static list =>
        {
            using var w = new CanonicalWriter();
            foreach (var at in Sorted(list))
                w.Tag("confirmed").Instant(at).End();
            return w.Finish();
        });

    private static readonly ConditionalWeakTable<IReadOnlyList<DateTimeOffset>, string> Digests = new();

    /// <summary>Pulls usually arrive in order (and are shared by every EVSE of a feed): sort only when they are not.</summary>
    private static IEnumerable<DateTimeOffset> Sorted(IReadOnlyList<DateTimeOffset> instants)
    {
        for (var i = 1; i < instants.Count; i++)
        {
            if (instants[i] < instants[i - 1])
                return instants.Order();
        }
        return instants;
    }

    /// <summary>Writes the canonical lines as UTF-8 into a buffer that is hashed whenever it fills, so nothing per line is allocated.</summary>
    private sealed class CanonicalWriter : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _used;

        public CanonicalWriter Tag(string tag)
        {
            Append(tag);
            return this;
        }

        /// <summary>Text starts with a quote, so a missing value ("-") never equals a text.</summary>
        public CanonicalWriter Text(string? text)
        {
            Separator();
            if (text is null)
            {
                Append("-");
                return this;
            }
            Append("'");
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is not ('\\' or '|' or '\n'))
                    continue;
                Append(text.AsSpan(start, i - start));
                Append(text[i] switch { '\n' => "\\n", '|' => "\\|", _ => "\\\\" });
                start = i + 1;
            }
            Append(text.AsSpan(start));
            return this;
        }

        public CanonicalWriter Instant(DateTimeOffset? instant) => instant is { } i ? Number(i.UtcTicks) : Text(null);

        public CanonicalWriter Span(TimeSpan span) => Number(span.Ticks);

        public CanonicalWriter Day(DateOnly? day) => day is { } d ? Formatted(d, "yyyy-MM-dd") : Text(null);

        public CanonicalWriter Flag(bool flag) => Number(flag ? 1 : 0);

        public CanonicalWriter Number<T>(T number) where T : IUtf8SpanFormattable => Formatted(number, default);

        /// <summary>A decimal without trailing zeros: 95 as a contract holds it and 95.00 as a database column of scale 2 returns it are one number.</summary>
        public CanonicalWriter Number(decimal number) => Formatted(number, "G29");

        public void End() => Append("\n");

        public string Finish()
        {
            Flush();
            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        public void Dispose() => _hash.Dispose();

        private CanonicalWriter Formatted<T>(T value, ReadOnlySpan<char> format) where T : IUtf8SpanFormattable
        {
            Separator();
            Room(64);
            if (!value.TryFormat(_buffer.AsSpan(_used), out var written, format, CultureInfo.InvariantCulture))
                throw new InvalidOperationException("A canonical field did not fit.");
            _used += written;
            return this;
        }

        private void Separator() => Append("|");

        private void Append(ReadOnlySpan<char> text)
        {
            var bytes = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (bytes > _buffer.Length)
            {
                Flush();
                _hash.AppendData(Encoding.UTF8.GetBytes(text.ToArray()));
                return;
            }
            Room(bytes);
            _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
        }

        private void Room(int bytes)
        {
            if (_used + bytes > _buffer.Length)
                Flush();
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }
    }
}
