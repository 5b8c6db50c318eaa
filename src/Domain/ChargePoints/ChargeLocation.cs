using Portal.Domain.Common;
using Portal.Domain.Geography;

namespace Portal.Domain.ChargePoints;

/// <summary>
/// A charge location (an OCPI Location): one site with one or more EVSEs, run by an operator,
/// in a municipality. Identified by the source it came from and the id it has there.
/// </summary>
public sealed class ChargeLocation
{
    private readonly List<Evse> _evses = [];

    private ChargeLocation() { }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public string Source { get; private set; } = "";
    public string SourceId { get; private set; } = "";
    public string? OcpiLocationId { get; private set; }
    public string OperatorName { get; private set; } = "";
    public string? OperatorPartyId { get; private set; }

    /// <summary>
    /// "CC*PPP*LOCATIONID" in upper case (OCPI ids are CiStrings) when the source names the OCPI party
    /// and location id: how an OCPI push or pull finds this row, whatever source first brought it in.
    /// </summary>
    public string? OcpiKey { get; private set; }

    /// <summary>The registered operator whose OCPI party runs this location, once known.</summary>
    public Guid? OperatorId { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string? PostalCode { get; private set; }
    public string City { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }

    /// <summary>RD New metres, for distance rules and bounding-box queries.</summary>
    public double RdX { get; private set; }

    public double RdY { get; private set; }
    public int? MaxPowerWatts { get; private set; }
    public LocationStatus Status { get; private set; }

    /// <summary>Open to every driver (on the public map); false for e.g. a company car park the register also tracks.</summary>
    public bool IsPublic { get; private set; } = true;

    /// <summary>Decided or under construction, not yet charging: counts for distance rules, drawn as planned.</summary>
    public bool IsPlanned { get; private set; }
    public DateTime? LastUpdatedUtc { get; private set; }
    public DateTime ImportedAtUtc { get; private set; }
    public IReadOnlyList<Evse> Evses => _evses;

    public Coordinate Position => Coordinate.FromStored(Latitude, Longitude, RdX, RdY);

    /// <summary>EVSEs that are still in the field: removed ones stay for history but do not count.</summary>
    public int ActiveEvseCount => _evses.Count(e => e.Status != EvseStatus.Removed);

    public static ChargeLocation Register(Guid municipalityId, ChargeLocationDetails details, DateTime nowUtc)
    {
        var location = new ChargeLocation
        {
            Id = Guid.NewGuid(),
            MunicipalityId = municipalityId,
            Source = Require(details.Source, "source"),
            SourceId = Require(details.SourceId, "source id"),
        };
        location.Apply(details, nowUtc);
        return location;
    }

    /// <summary>Takes over what the source now says, EVSEs matched by their uid.</summary>
    public void Apply(ChargeLocationDetails details, DateTime nowUtc)
    {
        OcpiLocationId = details.OcpiLocationId;
        OperatorName = Require(details.OperatorName, "operator");
        OperatorPartyId = details.OperatorPartyId;
        OcpiKey = KeyOf(details.OperatorPartyId, details.OcpiLocationId);
        Name = details.Name.Trim();
        Address = details.Address.Trim();
        PostalCode = details.PostalCode;
        City = details.City.Trim();
        var position = Coordinate.FromWgs84(details.Position.Latitude, details.Position.Longitude, details.Area);
        Latitude = position.Latitude;
        Longitude = position.Longitude;
        RdX = position.X;
        RdY = position.Y;
        LastUpdatedUtc = details.LastUpdatedUtc;
        ImportedAtUtc = nowUtc;
        IsPublic = details.IsPublic;
        IsPlanned = details.IsPlanned;

        foreach (var evse in details.Evses)
        {
            // EVSE uids are CiStrings: an OCPI push may spell an imported uid in another case.
            var existing = _evses.FirstOrDefault(e => string.Equals(e.Uid, evse.Uid, StringComparison.OrdinalIgnoreCase));
            if (existing is null)
                _evses.Add(Evse.Create(evse));
            else
                existing.Update(evse);
        }

        MaxPowerWatts = _evses.Count > 0 ? _evses.Max(e => e.MaxPowerWatts) : details.MaxPowerWatts;
        MaxPowerWatts ??= details.MaxPowerWatts;
        Status = _evses.Count > 0 ? LocationStatusRule.Summarise(_evses.Select(e => e.Status)) : details.StatusWithoutEvses;
    }

    public void LinkOperator(Guid operatorId) => OperatorId = operatorId;

    /// <summary>Sets the OCPI key from the ids the row holds (rows stored before the key existed).</summary>
    public void RefreshOcpiKey() => OcpiKey = KeyOf(OperatorPartyId, OcpiLocationId);

    /// <summary>
    /// The OCPI key of a party ("NL*SGM", star optional) and a location id, or null when either is
    /// missing or the party is not a country code and party id.
    /// </summary>
    public static string? KeyOf(string? partyId, string? ocpiLocationId)
    {
        var party = (partyId ?? "").Replace("*", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        var id = (ocpiLocationId ?? "").Trim().ToUpperInvariant();
        if (party.Length != 5 || id.Length == 0)
            return null;
        return $"{party[..2]}*{party[2..]}*{id}";
    }

    private static string Require(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleViolated($"A charge location needs a {what}.") : value.Trim();
}

/// <summary>What a source says about a location.</summary>
public sealed record ChargeLocationDetails(
    string Source,
    string SourceId,
    string? OcpiLocationId,
    string OperatorName,
    string? OperatorPartyId,
    string Name,
    string Address,
    string? PostalCode,
    string City,
    GeoPoint Position,
    int? MaxPowerWatts,
    LocationStatus StatusWithoutEvses,
    DateTime? LastUpdatedUtc,
    IReadOnlyList<EvseDetails> Evses)
{
    /// <summary>Where the position must lie; the Netherlands unless the municipality configures otherwise.</summary>
    public GeoArea? Area { get; init; }

    public bool IsPublic { get; init; } = true;

    public bool IsPlanned { get; init; }
}
