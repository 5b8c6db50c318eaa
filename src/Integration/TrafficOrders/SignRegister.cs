using System.Globalization;
using System.Text.Json;
using System.Text;
using NetTopologySuite.Geometries;
using Portal.Domain.TrafficOrders;
using Portal.Integration.Csv;
using Portal.Integration.GeoJson;

namespace Portal.Integration.TrafficOrders;

/// <summary>One location's planned signs, as the municipality's sign register (and the NDW sign database) records them.</summary>
public sealed record SignRegisterRow(
    string OrderReference,
    TrafficOrderStatus OrderStatus,
    int Number,
    Guid SpotId,
    string Street,
    string? NearestHouseNumber,
    double RdX,
    double RdY,
    double Latitude,
    double Longitude,
    int Bays,
    string RvvCode,
    string SubSign,
    string? TimeWindow,
    int? MaxParkingMinutes,
    SignPlacement Status)
{
    /// <summary>"PLANNED" or "PLACED", the NDW sign database's words.</summary>
    public string StatusCode => Status == SignPlacement.Placed ? "PLACED" : "PLANNED";
}

/// <summary>The sign register export: every location of the given orders with its signs, as CSV (semicolons, UTF-8 with BOM, for spreadsheets) or GeoJSON.</summary>
public static class SignRegister
{
    public const char Separator = ';';

    private static readonly string[] Columns =
    [
        "order_reference", "order_status", "number", "spot_id", "street", "nearest_house_number", "rd_x", "rd_y", "lat", "lon",
        "bays", "rvv_code", "sub_sign", "time_window", "max_parking_minutes", "status",
    ];

    /// <summary>The rows of the orders' locations, numbered per order as in the order's text (in the order they were added).</summary>
    public static IReadOnlyList<SignRegisterRow> Rows(IEnumerable<TrafficOrder> orders) =>
    [
        .. orders.OrderBy(o => o.Reference, StringComparer.Ordinal).SelectMany(order => order.Locations.OrderBy(l => l.Id).Select((l, i) =>
            new SignRegisterRow(order.Reference, order.Status, i + 1, l.SpotId, l.Street, l.NearestHouseNumber, l.RdX, l.RdY, l.Latitude, l.Longitude,
                l.Bays, PlannedSign.Create(l.Board, l.SubSign, l.TimeWindow, l.MaxParkingMinutes).RvvCode, l.SubSign, l.TimeWindow, l.MaxParkingMinutes, l.SignStatus))),
    ];

    public static byte[] Csv(IEnumerable<SignRegisterRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Columns);
        foreach (var r in rows)
        {
            Line(csv,
            [
                r.OrderReference, r.OrderStatus.ToString(), Number(r.Number), r.SpotId.ToString(), r.Street, r.NearestHouseNumber ?? "",
                Number(r.RdX, "0.00"), Number(r.RdY, "0.00"), Number(r.Latitude, "0.0000000"), Number(r.Longitude, "0.0000000"),
                Number(r.Bays), r.RvvCode, r.SubSign, r.TimeWindow ?? "", r.MaxParkingMinutes is { } m ? Number(m) : "", r.StatusCode,
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] GeoJson(IEnumerable<SignRegisterRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            GeoJsonWriter.WriteFeatureCollection(json, rows.Select(r => (
                (string?)$"{r.OrderReference}-{r.Number}",
                (Geometry)new Point(r.Longitude, r.Latitude),
                (IEnumerable<KeyValuePair<string, object?>>)
                [
                    new("orderReference", r.OrderReference),
                    new("orderStatus", r.OrderStatus.ToString()),
                    new("number", r.Number),
                    new("spotId", r.SpotId),
                    new("street", r.Street),
                    new("nearestHouseNumber", r.NearestHouseNumber),
                    new("rdX", Math.Round(r.RdX, 2)),
                    new("rdY", Math.Round(r.RdY, 2)),
                    new("bays", r.Bays),
                    new("rvvCode", r.RvvCode),
                    new("subSign", r.SubSign),
                    new("timeWindow", r.TimeWindow),
                    new("maxParkingMinutes", r.MaxParkingMinutes),
                    new("status", r.StatusCode),
                ])), decimals: 7);
        }
        return buffer.ToArray();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => CsvWriting.Line(csv, cells, Separator);
}
