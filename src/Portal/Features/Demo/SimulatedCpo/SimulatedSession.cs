using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Features.Demo.SimulatedCpo;

/// <summary>
/// A charging session at one EVSE: energy flows at a steady power until ChargingUntil, then the car
/// stays parked until EndsAt; a charging profile changes the power from when it is set (a new charging
/// period) until it ends. Completing it yields the CDR.
/// </summary>
internal sealed class SimulatedSession(
    string id, SimulatedLocation location, SimulatedEvse evse, Wire.CdrToken token, decimal powerKw, DateTime start, DateTime chargingUntil, DateTime endsAt)
{
    public string Id { get; } = id;
    public SimulatedLocation Location { get; } = location;
    public SimulatedEvse Evse { get; } = evse;
    public DateTime Start { get; } = start;
    public DateTime ChargingUntil { get; } = chargingUntil;
    public DateTime EndsAt { get; } = endsAt;
    public string Status { get; private set; } = "ACTIVE";
    public DateTime? End { get; private set; }
    public decimal Kwh { get; private set; }
    public DateTime LastUpdated { get; private set; } = start;

    /// <summary>From each moment on, the power charged: the first at Start, a new one whenever a profile starts or ends.</summary>
    private readonly List<(DateTime From, decimal PowerKw)> _segments = [(start, powerKw)];

    private string ConnectorId => Evse.Connectors[0].Id;

    /// <summary>From <paramref name="fromUtc"/> charges at most <paramref name="limitKw"/> (null: its own power) until <paramref name="untilUtc"/> (null: the end).</summary>
    public void Limit(DateTime fromUtc, decimal? limitKw, DateTime? untilUtc)
    {
        if (Status != "ACTIVE" || fromUtc >= ChargingUntil)
            return;
        MeterAt(fromUtc);
        _segments.RemoveAll(s => s.From >= fromUtc);
        _segments.Add((fromUtc, limitKw is { } limit ? Math.Min(powerKw, limit) : powerKw));
        if (untilUtc is { } until && until < ChargingUntil && limitKw is not null)
            _segments.Add((until, powerKw));
    }

    private decimal PowerAt(DateTime atUtc) => _segments.Last(s => s.From <= atUtc).PowerKw;

    /// <summary>The energy of segment <paramref name="i"/> charged up to <paramref name="untilUtc"/>, kWh.</summary>
    private decimal EnergyOf(int i, DateTime untilUtc)
    {
        var end = Min(i + 1 < _segments.Count ? _segments[i + 1].From : ChargingUntil, Min(untilUtc, ChargingUntil));
        return end <= _segments[i].From ? 0 : _segments[i].PowerKw * (decimal)(end - _segments[i].From).TotalHours;
    }
    private string TariffId => Evse.Connectors[0].TariffIds![0];

    /// <summary>Meter reading at the given time: energy grows until charging stops.</summary>
    public void MeterAt(DateTime nowUtc)
    {
        if (Status != "ACTIVE")
            return;
        var kwh = Math.Round(Enumerable.Range(0, _segments.Count).Sum(i => EnergyOf(i, nowUtc)), 3);
        if (kwh != Kwh)
        {
            Kwh = kwh;
            LastUpdated = nowUtc;
        }
    }

    public Wire.Cdr Complete(DateTime nowUtc, string cdrId, Wire.Tariff tariff)
    {
        MeterAt(nowUtc);
        Status = "COMPLETED";
        End = Min(nowUtc, EndsAt);
        LastUpdated = nowUtc;
        var location = Location.Template;
        var connector = Evse.Connectors[0];
        var (energyCost, parkingCost) = Costs();
        var parkingHours = ParkingHours(End.Value);
        var totalHours = Round4((decimal)(End.Value - Start).TotalHours);
        return new Wire.Cdr(
            location.CountryCode, location.PartyId, cdrId, Start, End, Id, token, "WHITELIST", null,
            new Wire.CdrLocation(location.Id, location.Name, location.Address, location.City, location.PostalCode, null, location.Country, location.Coordinates,
                Evse.Uid, Evse.EvseId ?? Evse.Uid, connector.Id, connector.Standard, connector.Format, connector.PowerType),
            null, "EUR", [tariff], Periods(End.Value, withSessionOnlyDimensions: false), null,
            Price(energyCost + parkingCost), null, Kwh, Price(energyCost), totalHours, null, parkingHours, parkingHours > 0 ? Price(parkingCost) : null,
            null, null, null, null, null, null, nowUtc);
    }

    public Wire.Session ToWire(DateTime nowUtc)
    {
        var (energyCost, parkingCost) = Costs();
        return new Wire.Session(
            Location.Template.CountryCode, Location.Template.PartyId, Id, Start, End, Kwh, token, "WHITELIST", null,
            Location.Id, Evse.Uid, ConnectorId, null, "EUR", Periods(End ?? nowUtc, withSessionOnlyDimensions: true),
            Price(energyCost + parkingCost), Status, LastUpdated);
    }

    private (decimal Energy, decimal Parking) Costs() =>
        (Math.Round(Kwh * SimulatedTariffs.EnergyPrice, 2), Math.Round(ParkingHours(End ?? LastUpdated) * SimulatedTariffs.ParkingPricePerHour, 2));

    private decimal ParkingHours(DateTime until) => until > ChargingUntil ? Round4((decimal)(until - ChargingUntil).TotalHours) : 0;

    private List<Wire.ChargingPeriod> Periods(DateTime until, bool withSessionOnlyDimensions)
    {
        var periods = new List<Wire.ChargingPeriod>();
        for (var i = 0; i < _segments.Count && _segments[i].From < Min(until, ChargingUntil); i++)
        {
            var end = Min(i + 1 < _segments.Count ? _segments[i + 1].From : ChargingUntil, Min(until, ChargingUntil));
            List<Wire.CdrDimension> dimensions = [new("ENERGY", Math.Round(EnergyOf(i, until), 3)), new("TIME", Round4((decimal)(end - _segments[i].From).TotalHours))];
            if (withSessionOnlyDimensions && Status == "ACTIVE" && until < ChargingUntil && i == _segments.Count - 1)
                dimensions.Add(new("POWER", PowerAt(until)));
            periods.Add(new(_segments[i].From, dimensions, TariffId));
        }
        if (periods.Count == 0)
            periods.Add(new(Start, [new("ENERGY", Kwh), new("TIME", 0m)], TariffId));
        if (until > ChargingUntil)
            periods.Add(new(ChargingUntil, [new("PARKING_TIME", ParkingHours(until))], TariffId));
        return periods;
    }

    private static Wire.Price Price(decimal exclVat) => new(exclVat, Math.Round(exclVat * (1 + SimulatedTariffs.Vat / 100), 2));

    private static decimal Round4(decimal value) => Math.Round(value, 4);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
