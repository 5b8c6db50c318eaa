namespace Portal.Integration.Ocpi.Validation;

/// <summary>
/// A deviation from OCPI that a CPO's object was stored with: one row per connection, object (location,
/// EVSE uid, connector id; empty for the location or EVSE itself) and rule, however often the object
/// arrives. Seen again, it is updated (last seen, times seen); when the object arrives without it, it is
/// cleared (kept with <see cref="ClearedAtUtc"/>, for audits of a period), and opened again when the flaw
/// comes back.
/// </summary>
public sealed class DataQualityFinding
{
    public const int MaxPathLength = 200;

    private DataQualityFinding() { }

    public Guid Id { get; private set; }
    public Guid ConnectionId { get; private set; }

    /// <summary>CC*PARTY*LOCATION, upper case, as the snapshot's key.</summary>
    public string LocationSourceId { get; private set; } = "";

    /// <summary>The location id as the CPO sent it.</summary>
    public string LocationId { get; private set; } = "";
    public string EvseUid { get; private set; } = "";
    public string ConnectorId { get; private set; } = "";
    public string Rule { get; private set; } = "";

    /// <summary>The wire path of the first place the rule was broken in the object, e.g. evses[0].capabilities[2].</summary>
    public string Path { get; private set; } = "";

    /// <summary>The offending value there, truncated; null when the field was missing.</summary>
    public string? Value { get; private set; }

    /// <summary>In how many places of the object the rule was broken, the last time it arrived.</summary>
    public int Occurrences { get; private set; }
    public DateTime FirstSeenAtUtc { get; private set; }
    public DateTime LastSeenAtUtc { get; private set; }

    /// <summary>How many times the object arrived with this flaw.</summary>
    public int TimesSeen { get; private set; }

    /// <summary>When the object first arrived without the flaw again; null while it is still present.</summary>
    public DateTime? ClearedAtUtc { get; private set; }

    public bool IsOpen => ClearedAtUtc is null;

    public static DataQualityFinding Open(Guid connectionId, string locationSourceId, string locationId, ObjectFlaw flaw, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(flaw);
        var finding = new DataQualityFinding
        {
            Id = Guid.NewGuid(),
            ConnectionId = connectionId,
            LocationSourceId = locationSourceId,
            LocationId = Clip(locationId, 36),
            EvseUid = flaw.EvseUid,
            ConnectorId = flaw.ConnectorId,
            Rule = flaw.Rule,
            FirstSeenAtUtc = nowUtc,
        };
        finding.Seen(flaw, nowUtc);
        return finding;
    }

    public void Seen(ObjectFlaw flaw, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(flaw);
        Path = Clip(flaw.Path, MaxPathLength);
        Value = OcpiFinding.Clip(flaw.Value);
        Occurrences = flaw.Occurrences;
        LastSeenAtUtc = nowUtc;
        TimesSeen++;
        ClearedAtUtc = null;
    }

    public void Clear(DateTime nowUtc)
    {
        if (ClearedAtUtc is null)
            ClearedAtUtc = nowUtc;
    }

    private static string Clip(string value, int length) => value.Length > length ? value[..length] : value;
}

/// <summary>One rule broken in one object (location, EVSE or connector) of a Location: where first, with what, how often.</summary>
public sealed record ObjectFlaw(string EvseUid, string ConnectorId, string Rule, string Path, string? Value, int Occurrences)
{
    /// <summary>
    /// The deviations of a Location grouped by the object they are in (from the path: evses[i] and
    /// connectors[j] name the EVSE's uid and the connector's id) and rule, in the order they were found.
    /// </summary>
    public static IReadOnlyList<ObjectFlaw> Of(Contracts.Location location, IReadOnlyList<OcpiFinding> deviations)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(deviations);
        if (deviations.Count == 0)
            return [];
        var flaws = new List<ObjectFlaw>();
        foreach (var finding in deviations)
        {
            var (evse, connector) = ObjectOf(location, finding.Path);
            var index = flaws.FindIndex(f => f.Rule == finding.Rule && f.EvseUid == evse && f.ConnectorId == connector);
            if (index >= 0)
                flaws[index] = flaws[index] with { Occurrences = flaws[index].Occurrences + 1 };
            else
                flaws.Add(new ObjectFlaw(evse, connector, finding.Rule, finding.Path, finding.Value, 1));
        }
        return flaws;
    }

    private static (string Evse, string Connector) ObjectOf(Contracts.Location location, string path)
    {
        if (!path.StartsWith("evses[", StringComparison.Ordinal) || Index(path, 6) is not ({ } e, var afterEvse)
            || location.Evses is not { } evses || e >= evses.Count || evses[e] is not { Uid: { } uid })
            return ("", "");
        const string connectors = ".connectors[";
        if (string.CompareOrdinal(path, afterEvse, connectors, 0, connectors.Length) != 0 || Index(path, afterEvse + connectors.Length) is not ({ } c, _)
            || evses[e].Connectors is not { } list || c >= list.Count || list[c] is not { Id: { } id })
            return (Upper(uid), "");
        return (Upper(uid), Upper(id));
    }

    /// <summary>The number at <paramref name="start"/> up to ']', and where the path goes on after it.</summary>
    private static (int? Index, int Next) Index(string path, int start)
    {
        var end = path.IndexOf(']', start);
        return end > start && int.TryParse(path.AsSpan(start, end - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? (i, end + 1)
            : (null, start);
    }

    /// <summary>Ids are CiStrings; clipped to the column (a longer one made the object unusable anyway).</summary>
    private static string Upper(string id) => (id.Length > 36 ? id[..36] : id).ToUpperInvariant();
}
