using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Tests.Ocpi;

/// <summary>
/// The page reader reads a page's data in one call when every object fits the contract, and object by
/// object when one does not: either way each object keeps its own raw JSON, and a bad one is refused alone.
/// </summary>
public sealed class ReadingOcpiPagesTests
{
    private static JsonObject Location(string id) => OcpiExamples.ArnhemLocation(id, $"Paginastraat {id}");

    private static byte[] Page(params JsonNode?[] data) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["data"] = new JsonArray(data),
        ["status_code"] = 1000,
        ["timestamp"] = "2026-03-01T08:00:00Z",
    }.ToJsonString());

    [Fact]
    public void AGoodPage_ReadsEachObject_WithItsOwnRawJson()
    {
        var locations = new[] { Location("PAGE-1"), Location("PAGE-2"), Location("PAGE-3") };
        var page = Page(locations.Select(l => (JsonNode?)l.DeepClone()).ToArray());

        var items = OcpiPageReader.Read<Location>(page, "request-1");

        Assert.Equal(["PAGE-1", "PAGE-2", "PAGE-3"], items.Select(i => i.Value?.Id));
        for (var i = 0; i < locations.Length; i++)
        {
            Assert.Null(items[i].Error);
            Assert.Equal(locations[i].ToJsonString(), items[i].Json());
            // The same record as reading the object on its own.
            var alone = JsonSerializer.Deserialize<Location>(items[i].Utf8.Span, OcpiJson.Options)!;
            Assert.Equal(JsonSerializer.Serialize(alone, OcpiJson.Options), JsonSerializer.Serialize(items[i].Value, OcpiJson.Options));
        }
    }

    [Fact]
    public void AnObjectThatDoesNotFitTheContract_IsRefusedAlone_TheRestIsRead()
    {
        var bad = Location("PAGE-BAD");
        bad["coordinates"] = "somewhere";
        var page = Page(Location("PAGE-A"), bad, Location("PAGE-B"));

        var items = OcpiPageReader.Read<Location>(page, "request-2");

        Assert.Equal(3, items.Count);
        Assert.Equal("PAGE-A", items[0].Value?.Id);
        Assert.Equal("PAGE-B", items[2].Value?.Id);
        Assert.Null(items[1].Value);
        Assert.StartsWith("coordinates", items[1].Error, StringComparison.Ordinal);
        Assert.Equal("PAGE-BAD", items[1].RawId());
        Assert.Equal(bad.ToJsonString(), items[1].Json());
    }

    [Fact]
    public void ANullInData_IsLeftOut()
    {
        var page = Page(Location("PAGE-N1"), null, Location("PAGE-N2"));

        var items = OcpiPageReader.Read<Location>(page, "request-3");

        Assert.Equal(["PAGE-N1", "PAGE-N2"], items.Select(i => i.Value?.Id));
    }

    [Fact]
    public void AFailureStatus_IsAnOcpiError()
    {
        var page = Encoding.UTF8.GetBytes("""{"status_code":2001,"status_message":"bad","timestamp":"2026-03-01T08:00:00Z"}""");

        var error = Assert.Throws<OcpiCallException>(() => OcpiPageReader.Read<Location>(page, "request-4"));

        Assert.Equal(2001, error.OcpiStatus);
    }
}
