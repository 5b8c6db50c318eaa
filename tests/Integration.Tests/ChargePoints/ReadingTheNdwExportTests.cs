using Portal.Domain.ChargePoints;
using Portal.Integration.ChargePoints;

namespace Portal.Integration.Tests.ChargePoints;

public sealed class ReadingTheNdwExportTests
{
    private const string Header = "id,source,source_location_id,operator_party_id,operator_name,owner_name,name,address,postal_code,city,gemeente_code,gemeente_name,province,latitude,longitude,evse_count,connector_count,max_power_kw,power_types,connector_types,has_dc,status,evse_status_counts,parking_type,open_24_7,energy_price_eur_kwh_excl_vat,category,detail_level,last_updated,duplicate_of,dedup_method";

    [Fact]
    public void QuotedFieldsWithCommasAndQuotes_AreRead()
    {
        var csv = Header + "\n" +
            "ndw-1,NDW,L1,NL*NUO,Vattenfall InCharge,,\"Hal \"\"Oost\"\", ingang 2\",\"Velperweg 1, achterzijde\",6824BA,Arnhem,GM0202,Arnhem,Gelderland,51.985,5.93,2,2,22.0,AC_3_PHASE,IEC_62196_T2,false,AVAILABLE,AVAILABLE:2,,true,,passenger,full,2026-06-07T10:00:00Z,,\n";

        var result = NdwChargePointCsv.Read(new StringReader(csv), null);

        var row = Assert.Single(result.Rows);
        Assert.Empty(result.Rejected);
        Assert.Equal("Hal \"Oost\", ingang 2", row.Details.Name);
        Assert.Equal("Velperweg 1, achterzijde", row.Details.Address);
        Assert.Equal("GM0202", row.MunicipalityCode);
        Assert.Equal(22_000, row.Details.MaxPowerWatts);
        Assert.Equal(new DateTime(2026, 6, 7, 10, 0, 0, DateTimeKind.Utc), row.Details.LastUpdatedUtc);
        Assert.Equal(DateTimeKind.Utc, row.Details.LastUpdatedUtc!.Value.Kind);
    }

    [Fact]
    public void BadRows_AreRejectedWithLineAndReason_AndTheRestIsKept()
    {
        var csv = Header + "\n" +
            "ndw-1,NDW,L1,,Allego,,A,Straat 1,,Arnhem,GM0202,Arnhem,Gelderland,51.98,5.91,1,,,,,,AVAILABLE,,,,,,basic,,,\n" +
            "ndw-2,NDW,L2,,Allego,,B,Straat 2,,Arnhem,GM0202,Arnhem,Gelderland,noord,5.91,1,,,,,,AVAILABLE,,,,,,basic,,,\n" +
            "ndw-3,NDW,L3,,,,C,Straat 3,,Arnhem,GM0202,Arnhem,Gelderland,51.98,5.91,1,,,,,,AVAILABLE,,,,,,basic,,,\n" +
            "ndw-4,NDW,L4,,Allego,,D,Straat 4,,Arnhem,GM0202,Arnhem,Gelderland,95.1,5.91,1,,,,,,AVAILABLE,,,,,,basic,,,\n" +
            "ndw-5,NDW,L5,,Allego,,E,Straat 5,,Arnhem,GM0202,Arnhem,Gelderland,51.98,5.91,1,,,,,,AVAILABLE,,,,,,basic,,ndw-1,heuristic\n";

        var result = NdwChargePointCsv.Read(new StringReader(csv), null);

        Assert.Equal(["ndw-1"], result.Rows.Select(r => r.Details.SourceId));
        Assert.Equal([3, 4, 5, 6], result.Rejected.Select(r => r.Line));
        Assert.Contains("latitude", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("operator", result.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("Latitude", result.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Contains("duplicate of ndw-1", result.Rejected[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvsesAreAttachedToTheirLocation()
    {
        var locations = Header + "\nndw-1,NDW,L1,NL*ALL,Allego,,A,Straat 1,,Arnhem,GM0202,Arnhem,Gelderland,51.98,5.91,2,,,,,,AVAILABLE,,,,,,full,,,\n";
        var evses = "location_id,location_is_duplicate,evse_uid,evse_id,status,connector_count,connector_types,connector_formats,power_type,max_power_kw,power_source,last_updated\n" +
            "ndw-1,false,E1,NL*ALL*E1,CHARGING,1,IEC_62196_T2,SOCKET,AC_3_PHASE,11.0,max_electric_power,2026-06-01T00:00:00Z\n" +
            "ndw-1,false,E2,NL*ALL*E2,OUTOFORDER,2,CHADEMO;IEC_62196_T2_COMBO,CABLE,DC,50,max_electric_power,\n" +
            "ndw-9,false,E9,NL*ALL*E9,AVAILABLE,1,IEC_62196_T2,SOCKET,AC_3_PHASE,11.0,max_electric_power,\n";

        var row = Assert.Single(NdwChargePointCsv.Read(new StringReader(locations), new StringReader(evses)).Rows);

        Assert.Equal(["E1", "E2"], row.Details.Evses.Select(e => e.Uid));
        var dc = row.Details.Evses[1];
        Assert.Equal(EvseStatus.OutOfOrder, dc.Status);
        Assert.Equal(PowerType.Dc, dc.PowerType);
        Assert.Equal(50_000, dc.MaxPowerWatts);
        Assert.Equal(["CHADEMO", "IEC_62196_T2_COMBO"], dc.ConnectorStandards);
        Assert.Equal([("1", "CHADEMO", ConnectorFormat.Cable), ("2", "IEC_62196_T2_COMBO", ConnectorFormat.Cable)],
            dc.Connectors.Select(c => (c.ConnectorId, c.Standard, c.Format)));
        Assert.All(dc.Connectors, c => Assert.Equal(50_000, c.MaxPowerWatts));
    }

    [Fact]
    public void MoreConnectorsThanListedStandards_RepeatTheLastStandard()
    {
        var evse = new EvseDetails("E1", null, EvseStatus.Available, 2, ["IEC_62196_T2"], PowerType.Ac3Phase, 11_000, null);

        var connectors = NdwChargePointCsv.Connectors(evse, ["IEC_62196_T2"], ["SOCKET"]);

        Assert.Equal([("1", "IEC_62196_T2"), ("2", "IEC_62196_T2")], connectors.Select(c => (c.ConnectorId, c.Standard)));
        Assert.Empty(NdwChargePointCsv.Connectors(evse with { ConnectorCount = 0 }, [], []));
    }

    [Fact]
    public void FieldSpanningLines_KeepsLineNumbersOfLaterRowsRight()
    {
        var csv = Header + "\n" +
            "ndw-1,NDW,L1,,Allego,,\"Twee\nregels\",Straat 1,,Arnhem,GM0202,Arnhem,Gelderland,51.98,5.91,1,,,,,,AVAILABLE,,,,,,basic,,,\n" +
            "ndw-2,NDW,L2,,,,B,Straat 2,,Arnhem,GM0202,Arnhem,Gelderland,51.98,5.91,1,,,,,,AVAILABLE,,,,,,basic,,,\n";

        var result = NdwChargePointCsv.Read(new StringReader(csv), null);

        Assert.Equal("Twee\nregels", result.Rows.Single().Details.Name);
        Assert.Equal(4, result.Rejected.Single().Line);
    }
}
