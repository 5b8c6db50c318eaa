using Portal.Integration.Geocoding;

namespace Portal.Integration.Tests.Geocoding;

public sealed class SuggestingAddressesTests
{
    [Fact]
    public async Task VelperwegQuery_ReturnsAddressesAndPostcodesInTheServersOrder()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        var suggestions = await pdok.CreateClient().SuggestAsync("Velperweg 1 Arnhem");

        Assert.Equal(
            [
                new AddressSuggestion(PdokFixtures.VelperwegId, "Velperweg 1, 6824BA Arnhem", "adres"),
                new AddressSuggestion(PdokFixtures.VelperwegAId, "Velperweg 1A, 6824BA Arnhem", "adres"),
                new AddressSuggestion(PdokFixtures.PostcodeId, "Velperweg, 6824BA Arnhem", "postcode"),
            ],
            suggestions);
    }

    [Fact]
    public async Task Query_IsSentToSuggestWithTheAddressFilterAndTheLimit()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        await pdok.CreateClient().SuggestAsync("  Velperweg 1 Arnhem ", limit: 5);

        var request = Assert.Single(pdok.Received);
        Assert.Equal(FakePdokServer.Root + "/suggest", request.Path);
        Assert.Equal("Velperweg 1 Arnhem", request.Query["q"]);
        Assert.Equal("type:(adres OR postcode)", request.Query["fq"]);
        Assert.Equal("5", request.Query["rows"]);
        Assert.Equal(["fq", "q", "rows"], request.Query.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DefaultLimit_AsksForSevenRows()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        await pdok.CreateClient().SuggestAsync("6824BA");

        Assert.Equal("7", Assert.Single(pdok.Received).Query["rows"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"():")]
    public async Task EmptyQuery_ReturnsNothingWithoutAskingTheServer(string query)
    {
        await using var pdok = await FakePdokServer.StartAsync();

        var suggestions = await pdok.CreateClient().SuggestAsync(query);

        Assert.Empty(suggestions);
        Assert.Empty(pdok.Received);
    }

    [Fact]
    public async Task QueryLongerThan200Characters_IsCut()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        await pdok.CreateClient().SuggestAsync("Velperweg " + new string('x', 500));

        var q = Assert.Single(pdok.Received).Query["q"];
        Assert.Equal(200, q.Length);
        Assert.StartsWith("Velperweg xxx", q, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchSyntaxInTheQuery_IsLeftOut_AndDutchPunctuationKept()
    {
        await using var pdok = await FakePdokServer.StartAsync();

        await pdok.CreateClient().SuggestAsync("\"Velperweg\" 1-3: (Arnhem) 's-Hertogenbosch*");

        Assert.Equal("Velperweg 1-3 Arnhem 's-Hertogenbosch", Assert.Single(pdok.Received).Query["q"]);
    }
}
