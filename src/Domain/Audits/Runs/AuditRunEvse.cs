using Portal.Domain.Audits.Uptime;

namespace Portal.Domain.Audits.Runs;

/// <summary>One EVSE's figures in a run, as the metric gave them (seconds, unrounded ratios, verdicts) with its own input fingerprint.</summary>
public sealed class AuditRunEvse
{
    public const int MaxKeyLength = 200;

    private AuditRunEvse() { }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }

    /// <summary>CC*PARTY*LOCATION*UID (<see cref="EvseKey.ToString"/>), and the location and uid as contracts name them.</summary>
    public string EvseKey { get; private set; } = "";
    public string LocationId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";

    public long S { get; private set; }
    public long S24 { get; private set; }
    public long U { get; private set; }
    public long U24 { get; private set; }
    public long D { get; private set; }
    public long X { get; private set; }
    public long Dc { get; private set; }
    public long Xc { get; private set; }
    public decimal? Availability { get; private set; }
    public decimal? Connectivity { get; private set; }
    public decimal? NeviUptime { get; private set; }
    public decimal? Coverage { get; private set; }
    public UptimeVerdict AvailabilityVerdict { get; private set; }
    public UptimeVerdict ConnectivityVerdict { get; private set; }
    public int OutageCount { get; private set; }
    public string Fingerprint { get; private set; } = "";

    public static AuditRunEvse Of(EvseUptimeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Seconds;
        return new AuditRunEvse
        {
            EvseKey = result.Evse.ToString(),
            LocationId = result.Evse.LocationId,
            EvseUid = result.Evse.EvseUid,
            S = s.S,
            S24 = s.S24,
            U = s.U,
            U24 = s.U24,
            D = s.D,
            X = s.X,
            Dc = s.Dc,
            Xc = s.Xc,
            Availability = Stored(result.Availability),
            Connectivity = Stored(result.Connectivity),
            NeviUptime = Stored(result.NeviUptime),
            Coverage = Stored(result.Coverage),
            AvailabilityVerdict = result.AvailabilityVerdict,
            ConnectivityVerdict = result.ConnectivityVerdict,
            OutageCount = result.Outages.Count,
            Fingerprint = result.Fingerprint,
        };
    }

    /// <summary>The stored figures as aggregation reads them, judged against the thresholds of the run that stored them.</summary>
    public IEvseUptimeFigures Figures(AuditRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new EvseUptimeFigures(new UptimeSeconds(S, S24, U, U24, D, X, Dc, Xc), Availability, Connectivity, AvailabilityVerdict, ConnectivityVerdict,
            run.AvailabilityThresholdPercent / 100m, run.ConnectivityThresholdPercent / 100m);
    }

    /// <summary>The figures compared by a recomputation, by name, in the invariant form the comparison shows.</summary>
    internal IEnumerable<(string Figure, string Value)> Figures()
    {
        yield return (nameof(S), S.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (nameof(S24), S24.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (nameof(U), U.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (nameof(U24), U24.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (nameof(D), D.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (nameof(X), X.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (nameof(Dc), Dc.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (nameof(Xc), Xc.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return (nameof(Availability), Ratio(Availability));
        yield return (nameof(Connectivity), Ratio(Connectivity));
        yield return (nameof(NeviUptime), Ratio(NeviUptime));
        yield return (nameof(Coverage), Ratio(Coverage));
        yield return (nameof(AvailabilityVerdict), AvailabilityVerdict.ToString());
        yield return (nameof(ConnectivityVerdict), ConnectivityVerdict.ToString());
        yield return (nameof(OutageCount), OutageCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Ratios are compared at the precision they are stored with, so a stored run equals its own recomputation.</summary>
    internal static string Ratio(decimal? value) =>
        Stored(value) is { } v ? v.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) : "-";

    /// <summary>A ratio as a run keeps it: rounded once, half away from zero, to <see cref="StoredDecimals"/> decimals (every provider stores that exactly).</summary>
    public static decimal? Stored(decimal? value) => value is { } v ? Math.Round(v, StoredDecimals, MidpointRounding.AwayFromZero) : null;

    public const int StoredDecimals = 10;
}

/// <summary>A merged outage of the register: its EVSE, start and end, counted and excluded seconds, the claims and categories that excluded time, and the status path.</summary>
public sealed class AuditRunOutage
{
    public const int MaxPathLength = 500, MaxClaimsLength = 500;

    private AuditRunOutage() { }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public string EvseKey { get; private set; } = "";
    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public long CountedSeconds { get; private set; }
    public long ExcludedSeconds { get; private set; }
    public bool Excluded => ExcludedSeconds > 0;

    /// <summary>The categories (E1-E5, comma separated) and claim ids that took time out of it; null when none.</summary>
    public string? Categories { get; private set; }
    public string? Claims { get; private set; }
    public string StatusPath { get; private set; } = "";

    public static IEnumerable<AuditRunOutage> Of(EvseUptimeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var categories = result.Exclusions.GroupBy(e => e.ClaimId).ToDictionary(g => g.Key, g => g.First().Category.Code());
        return result.Outages.Select(o => new AuditRunOutage
        {
            EvseKey = result.Evse.ToString(),
            StartUtc = o.Start.UtcDateTime,
            EndUtc = o.End.UtcDateTime,
            CountedSeconds = o.CountedSeconds,
            ExcludedSeconds = o.ExcludedSeconds,
            Categories = o.ExcludedByClaims.Count == 0 ? null
                : Cut(string.Join(",", o.ExcludedByClaims.Select(c => categories.GetValueOrDefault(c, "?")).Distinct().Order(StringComparer.Ordinal)), MaxClaimsLength),
            Claims = o.ExcludedByClaims.Count == 0 ? null : Cut(string.Join(",", o.ExcludedByClaims), MaxClaimsLength),
            StatusPath = Cut(o.StatusPathText, MaxPathLength),
        });
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}
