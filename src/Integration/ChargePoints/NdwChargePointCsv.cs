using System.Globalization;
using Portal.Domain.ChargePoints;
using Portal.Domain.Common;
using Portal.Integration.Ocpi.Mapping;

namespace Portal.Integration.ChargePoints;

/// <summary>
/// Reads the NDW (DOT-NL) open-data export: one CSV of locations and one of EVSEs. A row that
/// cannot be read becomes a rejected row with its reason; it does not stop the rest.
/// </summary>
public static class NdwChargePointCsv
{
    public const string SourceName = "NDW";

    public static NdwReadResult Read(TextReader locations, TextReader? evses)
    {
        var evsesByLocation = evses is null ? [] : ReadEvses(evses);
        var rows = new List<NdwLocationRow>();
        var rejected = new List<RejectedRow>();

        var csv = CsvTable.Open(locations);
        while (csv.Read())
        {
            var line = csv.Line;
            var id = csv["id"];
            try
            {
                if (!string.IsNullOrEmpty(csv["duplicate_of"]))
                {
                    rejected.Add(new RejectedRow(line, id, $"duplicate of {csv["duplicate_of"]}"));
                    continue;
                }
                var details = new ChargeLocationDetails(
                    Source: SourceName,
                    SourceId: Required(id, "id"),
                    OcpiLocationId: NullIfEmpty(csv["source_location_id"]),
                    OperatorName: Required(csv["operator_name"], "operator_name"),
                    OperatorPartyId: NullIfEmpty(csv["operator_party_id"]),
                    Name: csv["name"],
                    Address: csv["address"],
                    PostalCode: NullIfEmpty(csv["postal_code"]),
                    City: csv["city"],
                    Position: new GeoPoint(ParseDouble(csv["latitude"], "latitude"), ParseDouble(csv["longitude"], "longitude")),
                    MaxPowerWatts: ParseKilowattsAsWatts(csv["max_power_kw"]),
                    StatusWithoutEvses: ParseLocationStatus(csv["status"]),
                    LastUpdatedUtc: ParseTimestamp(csv["last_updated"]),
                    Evses: evsesByLocation.TryGetValue(id, out var list) ? list : []);
                rows.Add(new NdwLocationRow(line, csv["gemeente_code"], details));
            }
            catch (Exception e) when (e is FormatException or DomainRuleViolated)
            {
                rejected.Add(new RejectedRow(line, id, e.Message));
            }
        }
        return new NdwReadResult(rows, rejected);
    }

    private static Dictionary<string, List<EvseDetails>> ReadEvses(TextReader reader)
    {
        var byLocation = new Dictionary<string, List<EvseDetails>>(StringComparer.Ordinal);
        var csv = CsvTable.Open(reader);
        while (csv.Read())
        {
            var locationId = csv["location_id"];
            var uid = csv["evse_uid"];
            if (string.IsNullOrEmpty(locationId) || string.IsNullOrEmpty(uid))
                continue;
            var standards = csv["connector_types"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var formats = csv["connector_formats"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var evse = new EvseDetails(
                Uid: uid,
                EvseId: NullIfEmpty(csv["evse_id"]),
                Status: OcpiLocationMapping.Status(Code(csv["status"])),
                ConnectorCount: int.TryParse(csv["connector_count"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0,
                ConnectorStandards: standards,
                PowerType: OcpiLocationMapping.PowerType(Code(csv["power_type"])),
                MaxPowerWatts: ParseKilowattsAsWatts(csv["max_power_kw"]),
                LastUpdatedUtc: ParseTimestamp(csv["last_updated"]));
            evse = evse with { Connectors = Connectors(evse, standards, formats) };
            if (!byLocation.TryGetValue(locationId, out var list))
                byLocation[locationId] = list = [];
            list.Add(evse);
        }
        return byLocation;
    }

    /// <summary>
    /// NDW's export gives an EVSE's connector count and its distinct standards and formats, not each
    /// connector: connector n gets the n-th standard (and format), and the last one repeats for the rest.
    /// </summary>
    internal static IReadOnlyList<ConnectorDetails> Connectors(EvseDetails evse, IReadOnlyList<string> standards, IReadOnlyList<string> formats)
    {
        var count = Math.Max(evse.ConnectorCount, standards.Count);
        if (count == 0 || standards.Count == 0)
            return [];
        return Enumerable.Range(0, count).Select(i => new ConnectorDetails(
            ConnectorId: (i + 1).ToString(CultureInfo.InvariantCulture),
            Standard: standards[Math.Min(i, standards.Count - 1)],
            Format: formats.Count == 0 ? ConnectorFormat.Unknown : OcpiLocationMapping.Format(Code(formats[Math.Min(i, formats.Count - 1)])),
            PowerType: evse.PowerType,
            MaxPowerWatts: evse.MaxPowerWatts)).ToList();
    }

    // The export uses OCPI's codes, but not always in OCPI's exact spelling.
    private static string Code(string text) => text.Trim().ToUpperInvariant();

    private static LocationStatus ParseLocationStatus(string text) => text.Trim().ToUpperInvariant() switch
    {
        "AVAILABLE" => LocationStatus.Available,
        "CHARGING" => LocationStatus.Occupied,
        "UNAVAILABLE" => LocationStatus.Unavailable,
        _ => LocationStatus.Unknown,
    };

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{field} is empty") : value;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static double ParseDouble(string? text, string field) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{field} '{text}' is not a number");

    private static int? ParseKilowattsAsWatts(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var kw) && kw > 0 ? (int)Math.Round(kw * 1000) : null;

    private static DateTime? ParseTimestamp(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}

public sealed record NdwLocationRow(int Line, string MunicipalityCode, ChargeLocationDetails Details);

public sealed record RejectedRow(int Line, string SourceId, string Reason);

public sealed record NdwReadResult(IReadOnlyList<NdwLocationRow> Rows, IReadOnlyList<RejectedRow> Rejected);
