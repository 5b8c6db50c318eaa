using System.Text.Json;
using Portal.Integration.Ocpi;
using Portal.Integration.Ocpi.Contracts;

namespace Portal.Integration.Tests.Ocpi;

public sealed class ReadingAndWritingOcpiTimestampsTests
{
    [Theory]
    [InlineData("2015-06-29T20:39:09Z", 2015, 6, 29, 20, 39, 9, 0)]
    [InlineData("2015-06-29T20:39:09", 2015, 6, 29, 20, 39, 9, 0)]
    [InlineData("2016-12-29T17:45:09.2Z", 2016, 12, 29, 17, 45, 9, 200)]
    [InlineData("2018-01-01T01:08:01.123", 2018, 1, 1, 1, 8, 1, 123)]
    [InlineData("1970-1-1T00:00:00Z", 1970, 1, 1, 0, 0, 0, 0)]
    public void EveryFormTheSpecAllows_IsReadAsUtc(string text, int y, int mo, int d, int h, int mi, int s, int ms)
    {
        var response = JsonSerializer.Deserialize<OcpiResponse<string>>($$"""{"status_code":1000,"timestamp":"{{text}}"}""", OcpiJson.Options)!;

        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms, DateTimeKind.Utc), response.Timestamp);
        Assert.Equal(DateTimeKind.Utc, response.Timestamp.Kind);
    }

    [Fact]
    public void AnOffset_IsConvertedToUtc()
    {
        var response = JsonSerializer.Deserialize<OcpiResponse<string>>("""{"status_code":1000,"timestamp":"2015-06-29T22:39:09+02:00"}""", OcpiJson.Options)!;

        Assert.Equal(new DateTime(2015, 6, 29, 20, 39, 9, DateTimeKind.Utc), response.Timestamp);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2015-06-29")]
    public void NotADateTime_IsAJsonError(string text) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OcpiResponse<string>>($$"""{"status_code":1000,"timestamp":"{{text}}"}""", OcpiJson.Options));

    [Fact]
    public void Writing_UsesMillisecondsAndZ_AndLeavesOutNulls()
    {
        var response = new OcpiResponse<string>(null, 1000, null, new DateTime(2026, 3, 2, 8, 0, 5, 7, DateTimeKind.Utc));

        Assert.Equal("""{"status_code":1000,"timestamp":"2026-03-02T08:00:05.007Z"}""", JsonSerializer.Serialize(response, OcpiJson.Options));
    }

    [Fact]
    public void UnspecifiedKind_IsWrittenAsUtc() =>
        Assert.Equal("2026-03-02T08:00:00.000Z", OcpiJson.FormatDateTime(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Unspecified)));

    [Fact]
    public void NamesInAnotherCase_AreNotRead()
    {
        var response = JsonSerializer.Deserialize<OcpiResponse<string>>("""{"Status_Code":2000,"status_code":1000,"timestamp":"2015-06-29T20:39:09Z"}""", OcpiJson.Options)!;

        Assert.Equal(1000, response.StatusCode);
    }
}
