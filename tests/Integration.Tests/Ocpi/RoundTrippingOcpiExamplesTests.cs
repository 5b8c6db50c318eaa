using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Integration.Ocpi;

namespace Portal.Integration.Tests.Ocpi;

public sealed class RoundTrippingOcpiExamplesTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in OcpiExamples.AllJsonFiles().Where(f => f != NumberAsString))
            data.Add(file);
        return data;
    }

    // Its physical_reference is the number 3 where the spec says string; we read it as "3" (see below).
    private const string NumberAsString = "location_put_example_add_evse.json";

    [Theory]
    [MemberData(nameof(Files))]
    public void OfficialExample_SurvivesARoundTripUnchanged(string file)
    {
        var type = OcpiExamples.ContractOf(file);
        var original = JsonNode.Parse(OcpiExamples.Text(file));

        var contract = JsonSerializer.Deserialize(OcpiExamples.Text(file), type, OcpiJson.Options);
        var written = JsonNode.Parse(JsonSerializer.Serialize(contract, type, OcpiJson.Options));

        var expected = OcpiExamples.Canonical(original);
        var actual = OcpiExamples.Canonical(written);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{file}\nexpected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }

    [Fact]
    public void EveryOfficialExample_HasAContract()
    {
        Assert.Equal(59, OcpiExamples.AllJsonFiles().Count());
        Assert.All(OcpiExamples.AllJsonFiles(), f => Assert.NotNull(OcpiExamples.ContractOf(f)));
    }

    [Fact]
    public void EvsePutWithANumberForAString_KeepsTheNumberAsTextAndTheUnknownField()
    {
        var evse = OcpiExamples.Read<Portal.Integration.Ocpi.Contracts.Evse>(NumberAsString);

        Assert.Equal("3", evse.PhysicalReference);
        Assert.Equal("3256", evse.Uid);
        Assert.Equal("IEC_62196_T2", Assert.Single(evse.Connectors!).Standard);
        Assert.Equal(-1, evse.UnknownFields!["floor"].GetInt32());

        var written = JsonNode.Parse(JsonSerializer.Serialize(evse, OcpiJson.Options))!;
        Assert.Equal("3", written["physical_reference"]!.GetValue<string>());
        Assert.Equal(-1, written["floor"]!.GetValue<int>());
    }
}
