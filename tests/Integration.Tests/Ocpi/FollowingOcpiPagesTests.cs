using Portal.Integration.Ocpi.Client;

namespace Portal.Integration.Tests.Ocpi;

/// <summary>How the puller finds the next page, worked out by hand.</summary>
public sealed class FollowingOcpiPagesTests
{
    private const string Current = "https://cpo.example/locs?date_from=2026-03-01T00%3A00%3A00.000Z&offset=30&limit=10";

    private static OcpiPageHeaders Page(string? next, int? total) => new(next, total, 10, "req");

    [Fact]
    public void LinkRelNext_IsFollowed()
    {
        int? total = 100;
        Assert.Equal("https://cpo.example/locs?offset=40&limit=10", OcpiPaging.NextPage(Current, Page("https://cpo.example/locs?offset=40&limit=10", 100), 10, ref total));
        Assert.Equal(100, total);
    }

    [Fact]
    public void LinkToAnotherServer_FailsThePull()
    {
        int? total = 100;
        Assert.Throws<OcpiCallException>(() => OcpiPaging.NextPage(Current, Page("https://elsewhere.example/locs?offset=40", 100), 10, ref total));
        total = 100;
        Assert.Equal("https://cpo.example/locs?offset=40", OcpiPaging.NextPage(Current, Page("/locs?offset=40", 100), 10, ref total));
    }

    [Fact]
    public void ShrunkTotal_StepsBackByTheShrink_KeepingTheFilters()
    {
        int? total = 100;
        // 97 left: three objects before offset 30 left the window, so offsets 27–29 now hold unread objects.
        var next = OcpiPaging.NextPage(Current, Page("https://cpo.example/locs?offset=40&limit=10", 97), 10, ref total);
        Assert.Equal("https://cpo.example/locs?date_from=2026-03-01T00:00:00.000Z&offset=27&limit=10", Uri.UnescapeDataString(next!));
        Assert.Equal(97, total);
    }

    [Fact]
    public void GrownTotal_IsHarmless()
    {
        int? total = 100;
        Assert.Equal("https://cpo.example/locs?offset=40&limit=10", OcpiPaging.NextPage(Current, Page("https://cpo.example/locs?offset=40&limit=10", 120), 10, ref total));
    }

    [Fact]
    public void NoLink_EndsThePaging_UnlessTheTotalSaysMoreFollow()
    {
        int? total = null;
        Assert.Null(OcpiPaging.NextPage(Current, Page(null, 40), 10, ref total));
        total = null;
        Assert.Equal("offset=40", Uri.UnescapeDataString(OcpiPaging.NextPage(Current, Page(null, 45), 10, ref total)!).Split('&')[1]);
        total = null;
        Assert.Null(OcpiPaging.NextPage(Current, Page(null, 45), 0, ref total));   // an empty page never loops
    }

    [Fact]
    public void LinkHeader_IsReadWithOrWithoutQuotesAndAmongOtherRelations()
    {
        var headers = new HttpResponseMessage().Headers;
        headers.TryAddWithoutValidation("Link", "<https://cpo.example/a?offset=5>; rel=\"prev\", <https://cpo.example/a?offset=15>; rel=\"next\"");
        Assert.Equal("https://cpo.example/a?offset=15", OcpiClient.NextLink(headers));
        var bare = new HttpResponseMessage().Headers;
        bare.TryAddWithoutValidation("Link", "<https://cpo.example/b>; rel=next");
        Assert.Equal("https://cpo.example/b", OcpiClient.NextLink(bare));
        Assert.Null(OcpiClient.NextLink(new HttpResponseMessage().Headers));
    }
}
