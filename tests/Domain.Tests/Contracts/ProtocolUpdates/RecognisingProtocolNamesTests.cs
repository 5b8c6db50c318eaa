using Portal.Domain.Contracts.ProtocolUpdates;

namespace Portal.Domain.Tests.Contracts.ProtocolUpdates;

public sealed class RecognisingProtocolNamesTests
{
    [Theory]
    [InlineData("OCPP 2.0.1 (IEC 63584:2024)", "OCPP", true)]
    [InlineData("OCPP 1.6", "ocpp", true)]
    [InlineData("ISO 15118-20:2022", "ISO 15118", true)]
    [InlineData("ISO  15118-2:2014", "iso 15118", true)]
    [InlineData("OCPPX 1.0", "OCPP", false)]
    [InlineData("IEC 61851-1:2017", "IEC 6185", false)]
    [InlineData("OCPI 2.2.1", "OCPP", false)]
    [InlineData(null, "OCPP", false)]
    public void AStandardNamesAProtocol_WhenItStartsWithItsWholeName(string? standard, string protocol, bool expected) =>
        Assert.Equal(expected, ProtocolNames.NamesProtocol(standard, protocol));

    [Theory]
    [InlineData("OCPP 2.1", "OCPP", "2.1", true)]
    [InlineData(" ocpp   2.1 ", "OCPP", "2.1", true)]
    [InlineData("OCPP2.1", "OCPP", "2.1", true)]
    [InlineData("OCPP 2.1 (IEC 63584-2)", "OCPP", "2.1", true)]
    [InlineData("ISO 15118-20:2022", "ISO 15118", "-20:2022", true)]
    [InlineData("OCPP 2.1.1", "OCPP", "2.1", false)]
    [InlineData("OCPP 2.10", "OCPP", "2.1", false)]
    [InlineData("OCPP 2.0.1", "OCPP", "2.1", false)]
    [InlineData("Certificaat OCPP 2.1", "OCPP", "2.1", false)]
    [InlineData(null, "OCPP", "2.1", false)]
    public void EvidenceNamesAVersion_WhenTheProtocolAndTheWholeVersionFollow(string? standard, string protocol, string version, bool expected) =>
        Assert.Equal(expected, ProtocolNames.NamesVersion(standard, protocol, version));

    [Fact]
    public void AVersionStartingWithASeparator_IsJoinedWithoutASpace()
    {
        Assert.Equal("OCPP 2.1", ProtocolNames.Join("OCPP", "2.1"));
        Assert.Equal("ISO 15118-20:2022", ProtocolNames.Join("ISO 15118", "-20:2022"));
    }
}
