using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Portal.Domain.TrafficOrders.OrderTexts;
using Portal.Integration.GeoJson;

namespace Portal.Integration.TrafficOrders;

/// <summary>
/// The publication metadata of an order, for entering it in the official journal: what it is, whose it
/// is, where and when it is (to be) published, the term, and the locations as a GeoJSON FeatureCollection
/// (WGS84, RFC 7946) with the RD coordinates and signs in each feature's properties.
/// </summary>
public static class OrderPublicationJson
{
    public static byte[] Write(OrderDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("type", document.IsDraftOrder ? "ontwerp-verkeersbesluit" : "verkeersbesluit");
            json.WriteString("title", document.Title);
            json.WriteString("reference", document.Reference);
            json.WriteStartObject("municipality");
            json.WriteString("code", document.MunicipalityCode);
            json.WriteString("name", document.MunicipalityName);
            json.WriteEndObject();
            json.WriteString("channel", document.Channel.ToString());
            WriteDate(json, "decidedOn", document.DecidedOn);
            WriteDate(json, "publicationDate", document.PublicationDay);
            json.WriteBoolean("publicationDatePlanned", document.PublicationDayPlanned);
            json.WriteStartObject("term");
            json.WriteString("kind", document.Term switch
            {
                OrderTermKind.Objection => "bezwaar",
                OrderTermKind.Views => "zienswijzen",
                _ => "beroep",
            });
            WriteDate(json, "lastDay", document.LastDay);
            json.WriteEndObject();
            json.WriteNumber("locationCount", document.Locations.Count);
            json.WriteNumber("bays", document.Locations.Sum(l => l.Bays));
            json.WritePropertyName("locations");
            GeoJsonWriter.WriteFeatureCollection(json, document.Locations.Select(l => (
                (string?)l.Number.ToString(CultureInfo.InvariantCulture),
                (Geometry)new Point(l.Longitude, l.Latitude),
                (IEnumerable<KeyValuePair<string, object?>>)
                [
                    new("number", l.Number),
                    new("place", l.Place),
                    new("street", l.Street),
                    new("nearestHouseNumber", l.NearestHouseNumber),
                    new("rdX", Math.Round(l.RdX, 2)),
                    new("rdY", Math.Round(l.RdY, 2)),
                    new("bays", l.Bays),
                    new("rvvCode", l.RvvCode),
                    new("subSign", l.SubSign),
                    new("timeWindow", l.TimeWindow),
                    new("maxParkingMinutes", l.MaxParkingMinutes),
                ])), decimals: 7);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? day)
    {
        if (day is { } d)
            json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else
            json.WriteNull(name);
    }
}
