namespace Portal.Domain.Audits.Usage;

/// <summary>
/// Which records of one EVSE count, and as what span. The CDR is the settled record and wins; a session counts
/// only while no CDR names it, so each charge is counted once. Credit CDRs and the CDRs they cancel are left out;
/// of several CDRs for one session the last updated counts. A CDR's charging time is its start to its end minus
/// its parking time (OCPI puts parking after charging). A session without an end counts up to its last update,
/// the moment the CPO last said it was still charging.
/// </summary>
public static class UsageSettlement
{
    public static IReadOnlyList<ChargingSpan> Spans(IEnumerable<SessionFact> sessions, IEnumerable<CdrFact> cdrs)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(cdrs);
        var all = cdrs.ToList();
        var cancelled = all.Where(c => c.Credit && c.CreditReferenceId is not null)
            .Select(c => c.CreditReferenceId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settled = all.Where(c => !c.Credit && !cancelled.Contains(c.CdrId))
            .GroupBy(c => c.SessionId is { Length: > 0 } id ? id.ToUpperInvariant() : "cdr:" + c.CdrId.ToUpperInvariant())
            .Select(g => g.MaxBy(c => c.LastUpdatedUtc)!)
            .ToList();
        var sessionsWithCdr = settled.Where(c => c.SessionId is { Length: > 0 })
            .Select(c => c.SessionId!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var spans = settled.Select(Span).ToList();
        spans.AddRange(sessions.Where(s => !sessionsWithCdr.Contains(s.SessionId)).Select(Span));
        return spans;
    }

    public static ChargingSpan Span(CdrFact cdr)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var end = cdr.EndUtc < cdr.StartUtc ? cdr.StartUtc : cdr.EndUtc;
        if (cdr.ParkingHours is > 0 and var parking)
        {
            var charging = end - TimeSpan.FromHours((double)parking);
            end = charging < cdr.StartUtc ? cdr.StartUtc : charging;
        }
        return new ChargingSpan(cdr.StartUtc, end, cdr.Kwh, UsageSource.Cdr);
    }

    public static ChargingSpan Span(SessionFact session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var end = session.EndUtc ?? session.LastUpdatedUtc;
        return new ChargingSpan(session.StartUtc, end < session.StartUtc ? session.StartUtc : end, session.Kwh, UsageSource.Session);
    }
}
