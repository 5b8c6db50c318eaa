using System.Globalization;
using Portal.Domain.ChargePoints;
using Portal.Integration.ChargePoints;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>
/// The simulated CPO's locations, read from the demo's NDW files: the rows of one OCPI party, with
/// the location ids and EVSE uids that party really uses, so the portal matches them to the rows the
/// demo import made (ChargeLocation.OcpiKey).
/// </summary>
internal static class SimulatedLocations
{
    public static SimulatedParty Load(string dataFolder, string? partyId, int maxLocations, DateTime nowUtc)
    {
        using var locations = new StreamReader(Path.Combine(dataFolder, "arnhem-charge-points.csv"));
        using var evses = new StreamReader(Path.Combine(dataFolder, "arnhem-evses.csv"));
        var rows = NdwChargePointCsv.Read(locations, evses).Rows
            .Select(r => r.Details)
            .Where(d => ChargeLocation.KeyOf(d.OperatorPartyId, d.OcpiLocationId) is not null && d.Evses.Count > 0 && d.OcpiLocationId!.Length <= 36)
            .ToList();
        var party = partyId is null
            ? rows.GroupBy(d => Normalise(d.OperatorPartyId!)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key
            : Normalise(partyId);
        var own = rows.Where(d => Normalise(d.OperatorPartyId!) == party).ToList();
        if (own.Count == 0)
            throw new InvalidOperationException($"The demo data has no locations of {party} with OCPI ids.");
        if (maxLocations > 0)
            own = own.Take(maxLocations).ToList();

        var country = party[..2];
        var id = party[3..];
        var operatorName = own.GroupBy(d => d.OperatorName).OrderByDescending(g => g.Count()).First().Key;
        var tariffIds = SimulatedTariffs.Ids(id);
        var list = own.Select(d => new SimulatedLocation(
            new Wire.Location(
                CountryCode: country,
                PartyId: id,
                Id: d.OcpiLocationId!,
                Publish: true,
                PublishAllowedTo: null,
                Name: string.IsNullOrWhiteSpace(d.Name) ? null : d.Name.Trim(),
                Address: d.Address.Trim(),
                City: d.City.Trim(),
                PostalCode: d.PostalCode,
                State: null,
                Country: "NLD",
                Coordinates: Geo(d.Position.Latitude, d.Position.Longitude),
                RelatedLocations: null,
                ParkingType: "ON_STREET",
                Evses: null,
                Directions: null,
                Operator: new Wire.BusinessDetails(operatorName, null, null),
                Suboperator: null,
                Owner: null,
                Facilities: null,
                TimeZone: "Europe/Amsterdam",
                OpeningTimes: new Wire.Hours(true, null, null, null),
                ChargingWhenClosed: null,
                Images: null,
                EnergyMix: null,
                LastUpdated: nowUtc),
            d.Evses.Select(e => new SimulatedEvse(e.Uid, e.EvseId, Status(e.Status), Connectors(e, tariffIds, nowUtc), e.MaxPowerWatts ?? 11_000, nowUtc)).ToList(),
            nowUtc)).ToList();
        return new SimulatedParty(country, id, operatorName, list);
    }

    private static string Normalise(string party)
    {
        var bare = party.Replace("*", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return $"{bare[..2]}*{bare[2..]}";
    }

    private static Wire.GeoLocation Geo(double latitude, double longitude) =>
        new(latitude.ToString("0.000000", CultureInfo.InvariantCulture), longitude.ToString("0.000000", CultureInfo.InvariantCulture));

    /// <summary>NDW gives watts and the power type; OCPI wants volts and amperes too (line-to-neutral on three phases).</summary>
    private static IReadOnlyList<Wire.Connector> Connectors(EvseDetails evse, IReadOnlyList<string> tariffIds, DateTime nowUtc)
    {
        var connectors = evse.Connectors.Count > 0
            ? evse.Connectors
            : [new ConnectorDetails("1", evse.ConnectorStandards.FirstOrDefault() ?? "IEC_62196_T2", ConnectorFormat.Socket, evse.PowerType, evse.MaxPowerWatts)];
        return connectors.Select(c =>
        {
            var watts = c.MaxPowerWatts ?? evse.MaxPowerWatts ?? 11_000;
            var (powerType, volts, phases) = c.PowerType switch
            {
                PowerType.Ac1Phase => ("AC_1_PHASE", 230, 1),
                PowerType.Ac2Phase => ("AC_2_PHASE", 230, 2),
                PowerType.Ac2PhaseSplit => ("AC_2_PHASE_SPLIT", 230, 2),
                PowerType.Dc => ("DC", 500, 1),
                _ => ("AC_3_PHASE", 230, 3),
            };
            var amperes = Math.Max(1, (int)Math.Ceiling(watts / (double)(volts * phases)));
            var format = c.Format == ConnectorFormat.Cable ? "CABLE" : "SOCKET";
            return new Wire.Connector(c.ConnectorId, c.Standard, format, powerType, volts, amperes, watts, tariffIds, null, nowUtc);
        }).ToList();
    }

    public static string Status(EvseStatus status) => status.OcpiName();
}

internal sealed record SimulatedParty(string CountryCode, string PartyId, string OperatorName, IReadOnlyList<SimulatedLocation> Locations);

/// <summary>One location as the simulator holds it: the fixed part, and EVSEs whose status changes.</summary>
internal sealed class SimulatedLocation(Wire.Location template, IReadOnlyList<SimulatedEvse> evses, DateTime lastUpdated)
{
    public Wire.Location Template { get; } = template;
    public string Id => Template.Id;
    public IReadOnlyList<SimulatedEvse> Evses { get; } = evses;
    public DateTime LastUpdated { get; set; } = lastUpdated;

    /// <summary>Set during a simulated outage: the location's chargers cannot be reached until then.</summary>
    public DateTime? OfflineUntil { get; set; }

    /// <summary>False until the portal has the full location (a PUT), and again after a push it did not know.</summary>
    public bool KnownToPortal { get; set; }

    public Wire.Location ToWire() => Template with
    {
        Evses = Evses.Select(e => e.ToWire()).ToList(),
        LastUpdated = LastUpdated,
    };
}

internal sealed class SimulatedEvse(string uid, string? evseId, string status, IReadOnlyList<Wire.Connector> connectors, int maxPowerWatts, DateTime lastUpdated)
{
    public string Uid { get; } = uid;
    public string? EvseId { get; } = evseId;
    public string Status { get; private set; } = status;
    public IReadOnlyList<Wire.Connector> Connectors { get; } = connectors;
    public int MaxPowerWatts { get; } = maxPowerWatts;
    public DateTime LastUpdated { get; private set; } = lastUpdated;
    public SimulatedSession? Session { get; set; }

    /// <summary>Declares CHARGING_PROFILE_CAPABLE and takes profiles (see <see cref="SimulatedSmartCharging"/>).</summary>
    public bool ChargingProfileCapable { get; set; } = true;

    /// <summary>Accepts a profile but keeps charging at its own power.</summary>
    public bool IgnoresLimits { get; set; }

    /// <summary>How long it takes before it posts a profile's result.</summary>
    public int ResultDelayMilliseconds { get; set; }
    public DateTime? FaultUntil { get; set; }

    /// <summary>The status changed since the portal last accepted a push of it.</summary>
    public bool PushPending { get; set; }

    public void Change(string status, DateTime nowUtc)
    {
        if (Status == status)
            return;
        Status = status;
        LastUpdated = nowUtc;
        PushPending = true;
    }

    public Wire.Evse ToWire() => new(
        Uid, EvseId, Status, null,
        ChargingProfileCapable ? ["RFID_READER", "REMOTE_START_STOP_CAPABLE", "CHARGING_PROFILE_CAPABLE"] : ["RFID_READER", "REMOTE_START_STOP_CAPABLE"],
        Connectors, null, null, null, null, null, null, LastUpdated);
}
