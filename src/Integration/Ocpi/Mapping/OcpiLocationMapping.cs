using System.Globalization;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Wire = Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Ocpi.Mapping;

/// <summary>
/// Turns an OCPI Location (with its EVSEs and connectors) into what the register takes in. Expects an
/// object that <see cref="Validation.OcpiValidator"/> passed; throws <see cref="FormatException"/> when
/// the coordinates cannot be read. A text longer than the register keeps (a deviation the validator
/// records) is clipped to its column.
/// </summary>
public static class OcpiLocationMapping
{
    public const string SourceName = "OCPI";

    public static ChargeLocationDetails ToDetails(Wire.Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var party = $"{location.CountryCode}*{location.PartyId}".ToUpperInvariant();
        var evses = (location.Evses ?? []).Select(ToDetails).ToList();
        var counted = evses.Where(e => e.Status != EvseStatus.Removed).ToList();

        return new ChargeLocationDetails(
            Source: SourceName,
            // OCPI ids are CiStrings: one spelling, so "loc1" and "LOC1" stay the same register entry.
            SourceId: $"{party}*{location.Id.ToUpperInvariant()}",
            OcpiLocationId: location.Id,
            OperatorName: Clip(string.IsNullOrWhiteSpace(location.Operator?.Name) ? location.PartyId : location.Operator.Name, 150),
            OperatorPartyId: party,
            Name: Clip(location.Name ?? "", 255),
            Address: Clip(location.Address, 255),
            PostalCode: string.IsNullOrWhiteSpace(location.PostalCode) ? null : Clip(location.PostalCode, 10),
            City: Clip(location.City, 100),
            Position: new GeoPoint(Degrees(location.Coordinates.Latitude, "latitude"), Degrees(location.Coordinates.Longitude, "longitude")),
            MaxPowerWatts: evses.Max(e => e.MaxPowerWatts),
            StatusWithoutEvses: LocationStatus.Unknown,
            LastUpdatedUtc: location.LastUpdated,
            Evses: evses)
        {
            IsPublic = location.Publish == true,
            IsPlanned = counted.Count > 0 && counted.All(e => e.Status == EvseStatus.Planned),
        };
    }

    public static EvseDetails ToDetails(Wire.Evse evse)
    {
        ArgumentNullException.ThrowIfNull(evse);
        var connectors = (evse.Connectors ?? []).Select(ToDetails).ToList();
        // Only one connector of an EVSE charges at a time, so the EVSE is as strong as its strongest connector.
        var strongest = connectors.OrderByDescending(c => c.MaxPowerWatts ?? -1).FirstOrDefault();

        return new EvseDetails(
            Uid: evse.Uid,
            EvseId: evse.EvseId is null ? null : Clip(evse.EvseId, 48),
            Status: Status(evse.Status),
            ConnectorCount: connectors.Count,
            ConnectorStandards: connectors.Select(c => c.Standard).Distinct(StringComparer.Ordinal).ToList(),
            PowerType: strongest?.PowerType ?? Domain.ChargePoints.PowerType.Unknown,
            MaxPowerWatts: strongest?.MaxPowerWatts,
            LastUpdatedUtc: evse.LastUpdated)
        {
            Connectors = connectors,
        };
    }

    public static ConnectorDetails ToDetails(Wire.Connector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var powerType = PowerType(connector.PowerType);
        return new ConnectorDetails(connector.Id, Clip(connector.Standard, 40), Format(connector.Format), powerType, MaxPowerWatts(connector, powerType));
    }

    /// <summary>
    /// max_electric_power when given (the CPO sets it when the supply is below what V × A suggests);
    /// otherwise V × A per phase. OCPI's max_voltage is line-to-neutral on AC_3_PHASE, so three phases
    /// give V × A × 3 (220 V, 16 A: 10 560 W), not V × A × √3 as with a line-to-line voltage.
    /// </summary>
    public static int? MaxPowerWatts(Wire.Connector connector, PowerType powerType)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (connector.MaxElectricPower is > 0)
            return connector.MaxElectricPower;
        if (connector.MaxVoltage is not > 0 || connector.MaxAmperage is not > 0)
            return null;
        int? phases = powerType switch
        {
            Domain.ChargePoints.PowerType.Ac1Phase or Domain.ChargePoints.PowerType.Dc => 1,
            Domain.ChargePoints.PowerType.Ac2Phase or Domain.ChargePoints.PowerType.Ac2PhaseSplit => 2,
            Domain.ChargePoints.PowerType.Ac3Phase => 3,
            _ => null,
        };
        if (phases is null)
            return null;
        var watts = (long)connector.MaxVoltage.Value * connector.MaxAmperage.Value * phases.Value;
        return watts <= int.MaxValue ? (int)watts : null;
    }

    public static EvseStatus Status(string? status) => EvseStatusNames.Parse(status);

    public static PowerType PowerType(string? powerType) => powerType switch
    {
        "AC_1_PHASE" => Domain.ChargePoints.PowerType.Ac1Phase,
        "AC_2_PHASE" => Domain.ChargePoints.PowerType.Ac2Phase,
        "AC_2_PHASE_SPLIT" => Domain.ChargePoints.PowerType.Ac2PhaseSplit,
        "AC_3_PHASE" => Domain.ChargePoints.PowerType.Ac3Phase,
        "DC" => Domain.ChargePoints.PowerType.Dc,
        _ => Domain.ChargePoints.PowerType.Unknown,
    };

    public static ConnectorFormat Format(string? format) => format switch
    {
        "SOCKET" => ConnectorFormat.Socket,
        "CABLE" => ConnectorFormat.Cable,
        _ => ConnectorFormat.Unknown,
    };

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;

    private static double Degrees(string? text, string field) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{field} '{text}' is not a number of degrees");
}
