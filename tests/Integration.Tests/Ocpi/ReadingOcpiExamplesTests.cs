using Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Tests.Ocpi;

public sealed class ReadingOcpiExamplesTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi, int s) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public void LocationExample_ReadsEveryField()
    {
        var location = OcpiExamples.Read<Location>("location_example.json");

        Assert.Equal(("BE", "BEC", "LOC1"), (location.CountryCode, location.PartyId, location.Id));
        Assert.True(location.Publish);
        Assert.Equal("Gent Zuid", location.Name);
        Assert.Equal(("F.Rooseveltlaan 3A", "Gent", "9000", "BEL"), (location.Address, location.City, location.PostalCode, location.Country));
        Assert.Equal(new GeoLocation("51.047599", "3.729944"), location.Coordinates);
        Assert.Equal("ON_STREET", location.ParkingType);
        Assert.Equal("BeCharged", location.Operator!.Name);
        Assert.Equal("Europe/Brussels", location.TimeZone);
        Assert.Equal(Utc(2015, 6, 29, 20, 39, 9), location.LastUpdated);
        Assert.Equal(DateTimeKind.Utc, location.LastUpdated!.Value.Kind);
        Assert.Null(location.UnknownFields);

        Assert.Equal(["3256", "3257"], location.Evses!.Select(e => e.Uid));
        Assert.Equal(["AVAILABLE", "RESERVED"], location.Evses!.Select(e => e.Status));
        Assert.Equal(["BE*BEC*E041503001", "BE*BEC*E041503002"], location.Evses!.Select(e => e.EvseId));
        Assert.Equal(["-1", "-2"], location.Evses!.Select(e => e.FloorLevel));

        var first = location.Evses![0];
        Assert.Equal(["RESERVABLE"], first.Capabilities!);
        Assert.Equal("1", first.PhysicalReference);
        Assert.Equal(Utc(2015, 6, 28, 8, 12, 1), first.LastUpdated);
        Assert.Equal(2, first.Connectors!.Count);

        var cable = first.Connectors![0];
        Assert.Equal(("1", "IEC_62196_T2", "CABLE", "AC_3_PHASE"), (cable.Id, cable.Standard, cable.Format, cable.PowerType));
        Assert.Equal((220, 16), (cable.MaxVoltage, cable.MaxAmperage));
        Assert.Null(cable.MaxElectricPower);
        Assert.Equal(["11"], cable.TariffIds!);
        Assert.Equal(Utc(2015, 3, 16, 10, 10, 2), cable.LastUpdated);

        Assert.Equal("SOCKET", first.Connectors![1].Format);
        Assert.Equal(["12"], location.Evses![1].Connectors![0].TariffIds!);
    }

    [Fact]
    public void ParkingGarageExample_ReadsOpeningHours()
    {
        var location = OcpiExamples.Read<Location>("location_example_parking_garage_opening_hours.json");

        Assert.Equal("PARKING_GARAGE", location.ParkingType);
        Assert.False(location.OpeningTimes!.Twentyfourseven);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], location.OpeningTimes.RegularHours!.Select(h => h.Weekday));
        Assert.All(location.OpeningTimes.RegularHours!, h => Assert.Equal(("07:00", "18:00"), (h.PeriodBegin, h.PeriodEnd)));
        Assert.True(location.ChargingWhenClosed);
        Assert.Equal((230, 32), (location.Evses![0].Connectors![0].MaxVoltage, location.Evses![0].Connectors![0].MaxAmperage));
    }

    [Fact]
    public void RegularHoursExample_ReadsExceptionalPeriodsAsUtc()
    {
        var hours = OcpiExamples.Read<Location>("location_regularhours_example.json").OpeningTimes!;

        Assert.Equal(5, hours.RegularHours!.Count);
        Assert.Equal(new ExceptionalPeriod(Utc(2014, 6, 21, 9, 0, 0), Utc(2014, 6, 21, 12, 0, 0)), Assert.Single(hours.ExceptionalOpenings!));
        Assert.Equal(new ExceptionalPeriod(Utc(2014, 6, 24, 0, 0, 0), Utc(2014, 6, 25, 0, 0, 0)), Assert.Single(hours.ExceptionalClosings!));
    }

    [Fact]
    public void LimitedVisibilityExample_ReadsPublishAllowedTo()
    {
        var location = OcpiExamples.Read<Location>("location_example_uc4_limited_visibility.json");

        Assert.False(location.Publish);
        Assert.Equal(
            [new PublishTokenType(null, null, "12345-67", "NewMotion", null), new PublishTokenType(null, null, "0055375624", "ANWB", null), new PublishTokenType("12345678905880", "RFID", null, null, null)],
            location.PublishAllowedTo!);
    }

    [Fact]
    public void EnergyMixExample_ReadsSourcesAndImpact()
    {
        var mix = OcpiExamples.Read<Location>("location_energymix_example_complete.json").EnergyMix!;

        Assert.False(mix.IsGreenEnergy);
        Assert.Equal([35.9m, 6.3m, 33.2m, 2.9m, 21.7m], mix.EnergySources!.Select(s => s.Percentage));
        Assert.Equal("GENERAL_GREEN", mix.EnergySources![0].Source);
        Assert.Equal([new EnvironmentalImpact("NUCLEAR_WASTE", 0.0006m), new EnvironmentalImpact("CARBON_DIOXIDE", 372m)], mix.EnvironImpact!);
        Assert.Equal(("E.ON Energy Deutschland", "E.ON DirektStrom eco"), (mix.SupplierName, mix.EnergyProductName));
    }

    [Fact]
    public void FinishedSessionExample_ReadsPeriodsTokenAndCost()
    {
        var session = OcpiExamples.Read<Session>("session_example_2_short_finished.json");

        Assert.Equal(("BE", "BEC", "101"), (session.CountryCode, session.PartyId, session.Id));
        Assert.Equal(Utc(2015, 6, 29, 22, 39, 9), session.StartDateTime);
        Assert.Equal(Utc(2015, 6, 29, 23, 50, 16), session.EndDateTime);
        Assert.Equal(41.12m, session.Kwh);
        Assert.Equal(new CdrToken("NL", "TST", "123abc", "RFID", "NL-TST-C12345678-S"), session.CdrToken);
        Assert.Equal("WHITELIST", session.AuthMethod);
        Assert.Equal(("LOC1", "3256", "1", "EUR"), (session.LocationId, session.EvseUid, session.ConnectorId, session.Currency));
        Assert.Equal("COMPLETED", session.Status);
        Assert.Equal(new Price(8.50m, 9.35m), session.TotalCost);
        Assert.Equal(Utc(2015, 6, 29, 23, 50, 17), session.LastUpdated);

        var periods = session.ChargingPeriods!;
        Assert.Equal([Utc(2015, 6, 29, 22, 39, 9), Utc(2015, 6, 29, 22, 40, 54), Utc(2015, 6, 29, 23, 7, 9)], periods.Select(p => p.StartDateTime));
        Assert.Equal([new CdrDimension("ENERGY", 120m), new CdrDimension("MAX_CURRENT", 30m)], periods[0].Dimensions!);
        Assert.Equal([new CdrDimension("ENERGY", 41000m), new CdrDimension("MIN_CURRENT", 34m)], periods[1].Dimensions!);
        Assert.Equal(new CdrDimension("PARKING_TIME", 0.718m), Assert.Single(periods[2].Dimensions!));
        Assert.Equal([null, null, "12"], periods.Select(p => p.TariffId));
    }

    [Fact]
    public void CdrExample_ReadsLocationSnapshotTariffAndTotals()
    {
        var cdr = OcpiExamples.Read<Cdr>("cdr_example.json");

        Assert.Equal(("BE", "BEC", "12345"), (cdr.CountryCode, cdr.PartyId, cdr.Id));
        Assert.Equal(Utc(2015, 6, 29, 21, 39, 9), cdr.StartDateTime);
        Assert.Equal(Utc(2015, 6, 29, 23, 37, 32), cdr.EndDateTime);
        Assert.Equal(new CdrToken("DE", "TNM", "012345678", "RFID", "DE8ACC12E46L89"), cdr.CdrToken);

        var at = cdr.CdrLocation;
        Assert.Equal(("LOC1", "Gent Zuid", "F.Rooseveltlaan 3A", "Gent", "9000", "BEL"), (at.Id, at.Name, at.Address, at.City, at.PostalCode, at.Country));
        // The official example has latitude and longitude swapped compared with location_example.json.
        Assert.Equal(new GeoLocation("3.729944", "51.047599"), at.Coordinates);
        Assert.Equal(("3256", "BE*BEC*E041503003", "1"), (at.EvseUid, at.EvseId, at.ConnectorId));
        Assert.Equal(("IEC_62196_T2", "SOCKET", "AC_1_PHASE"), (at.ConnectorStandard, at.ConnectorFormat, at.ConnectorPowerType));

        var tariff = Assert.Single(cdr.Tariffs!);
        Assert.Equal(("12", "EUR"), (tariff.Id, tariff.Currency));
        Assert.Equal(new PriceComponent("TIME", 2.00m, 10.0m, 300), Assert.Single(Assert.Single(tariff.Elements!).PriceComponents!));
        Assert.Equal(Utc(2015, 2, 2, 14, 15, 1), tariff.LastUpdated);

        var period = Assert.Single(cdr.ChargingPeriods!);
        Assert.Equal(new CdrDimension("TIME", 1.973m), Assert.Single(period.Dimensions!));
        Assert.Equal("12", period.TariffId);

        Assert.Null(cdr.SignedData);
        Assert.Equal(new Price(4.00m, 4.40m), cdr.TotalCost);
        Assert.Equal(new Price(4.00m, 4.40m), cdr.TotalTimeCost);
        Assert.Equal((15.342m, 1.973m), (cdr.TotalEnergy, cdr.TotalTime));
        Assert.Null(cdr.TotalParkingTime);
        Assert.Equal(Utc(2015, 6, 29, 22, 1, 13), cdr.LastUpdated);
    }

    [Fact]
    public void ComplexTariffExample_ReadsElementsAndRestrictions()
    {
        var tariff = OcpiExamples.Read<Tariff>("tariff_4_complex.json");

        Assert.Equal(("DE", "ALL", "14", "EUR", "REGULAR"), (tariff.CountryCode, tariff.PartyId, tariff.Id, tariff.Currency, tariff.Type));
        Assert.Equal("https://company.com/tariffs/14", tariff.TariffAltUrl);
        Assert.Equal(Utc(2015, 6, 29, 20, 39, 9), tariff.LastUpdated);

        var elements = tariff.Elements!;
        Assert.Equal(6, elements.Count);
        Assert.Equal(
            [new PriceComponent("FLAT", 2.50m, 15.0m, 1), new PriceComponent("TIME", 1.00m, 20.0m, 900), new PriceComponent("TIME", 2.00m, 20.0m, 600),
             new PriceComponent("TIME", 1.25m, 20.0m, 600), new PriceComponent("PARKING_TIME", 5.00m, 10.0m, 300), new PriceComponent("PARKING_TIME", 6.00m, 10.0m, 300)],
            elements.Select(e => Assert.Single(e.PriceComponents!)));
        Assert.Null(elements[0].Restrictions);
        Assert.Equal(32.00m, elements[1].Restrictions!.MaxCurrent);
        Assert.Equal(32.00m, elements[2].Restrictions!.MinCurrent);
        Assert.Equal(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], elements[2].Restrictions!.DayOfWeek!);
        Assert.Equal(["SATURDAY", "SUNDAY"], elements[3].Restrictions!.DayOfWeek!);
        Assert.Equal(("09:00", "18:00"), (elements[4].Restrictions!.StartTime, elements[4].Restrictions!.EndTime));
        Assert.Equal(("10:00", "17:00", "SATURDAY"), (elements[5].Restrictions!.StartTime, elements[5].Restrictions!.EndTime, Assert.Single(elements[5].Restrictions!.DayOfWeek!)));
    }

    [Fact]
    public void CredentialsExamples_ReadTokenUrlAndRoles()
    {
        var credentials = OcpiExamples.Read<Credentials>("credentials_example.json");

        Assert.Equal("ebf3b399-779f-4497-9b9d-ac6ad3cc44d2", credentials.Token);
        Assert.Equal("https://example.com/ocpi/versions", credentials.Url);
        Assert.Equal(new CredentialsRole("CPO", new BusinessDetails("Example Operator", null, null), "EXA", "NL"), Assert.Single(credentials.Roles!));

        var logo = OcpiExamples.Read<Credentials>("credentials_example3.json").Roles![0].BusinessDetails;
        Assert.Equal("http://example.com", logo.Website);
        Assert.Equal(new Image("https://example.com/img/logo.jpg", "https://example.com/img/logo_thumb.jpg", "OPERATOR", "jpeg", 512, 512), logo.Logo);
    }

    [Fact]
    public void VersionExamples_ReadVersionsAndEndpoints()
    {
        var details = OcpiExamples.Read<VersionDetails>("version_details_example.json");
        Assert.Equal("2.2", details.Version);
        Assert.Equal(
            [new Endpoint("credentials", "SENDER", "https://example.com/ocpi/2.2/credentials"), new Endpoint("locations", "SENDER", "https://example.com/ocpi/cpo/2.2/locations")],
            details.Endpoints!);

        var versions = OcpiExamples.Read<IReadOnlyList<OcpiVersion>>("versions_info_example.json");
        Assert.Equal([new OcpiVersion("2.1.1", "https://www.server.com/ocpi/2.1.1"), new OcpiVersion("2.2.1", "https://www.server.com/ocpi/2.2.1")], versions);
    }

    [Fact]
    public void EnvelopeExamples_ReadStatusTimestampAndData()
    {
        var versions = OcpiExamples.Read<OcpiResponse<IReadOnlyList<OcpiVersion>>>("transport_and_format_version_info_example.json");
        Assert.Equal((1000, "Success"), (versions.StatusCode, versions.StatusMessage));
        Assert.True(versions.IsSuccess);
        Assert.Equal(Utc(2015, 6, 30, 21, 59, 59), versions.Timestamp);
        Assert.Equal(DateTimeKind.Utc, versions.Timestamp.Kind);
        Assert.Equal(["2.1.1", "2.2"], versions.Data!.Select(v => v.Version));

        var details = OcpiExamples.Read<OcpiResponse<VersionDetails>>("transport_and_format_version_details_example.json");
        Assert.Equal(["https://example.com/ocpi/cpo/2.2/credentials", "https://example.com/ocpi/cpo/2.2/locations"], details.Data!.Endpoints!.Select(e => e.Url));

        var token = OcpiExamples.Read<OcpiResponse<Token>>("transport_and_format_get_token_example.json").Data!;
        Assert.Equal(("DE", "TNM", "012345678", "ALLOWED", true), (token.CountryCode, token.PartyId, token.Uid, token.Whitelist, token.Valid));
        Assert.Equal(Utc(2015, 6, 29, 22, 39, 9), token.LastUpdated);

        var tokens = OcpiExamples.Read<OcpiResponse<IReadOnlyList<Token>>>("transport_and_format_get_token_list_example.json").Data!;
        Assert.Equal(["100012", "100013", "100014"], tokens.Select(t => t.Uid));
        Assert.Equal([true, true, false], tokens.Select(t => t.Valid));
    }
}
