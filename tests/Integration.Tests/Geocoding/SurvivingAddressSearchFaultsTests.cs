using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Geocoding;

namespace Portal.Integration.Tests.Geocoding;

public sealed class SurvivingAddressSearchFaultsTests
{
    [Fact]
    public async Task OneServerError_IsRetried()
    {
        await using var pdok = await FakePdokServer.StartAsync(PdokFault.ServerErrorOnce);

        var suggestions = await pdok.CreateClient().SuggestAsync("Velperweg 1 Arnhem");

        Assert.Equal(3, suggestions.Count);
        Assert.Equal(2, pdok.Received.Count);
    }

    [Fact]
    public async Task ServerErrorEveryTime_ThrowsGeocodingUnavailableAfterThreeAttempts()
    {
        await using var pdok = await FakePdokServer.StartAsync(PdokFault.ServerErrorAlways);

        var error = await Assert.ThrowsAsync<GeocodingUnavailable>(() => pdok.CreateClient().SuggestAsync("Velperweg 1 Arnhem"));

        Assert.Equal(3, pdok.Received.Count);
        Assert.DoesNotContain("500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pdok", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SlowFirstAnswer_TimesOutAndIsRetried()
    {
        await using var pdok = await FakePdokServer.StartAsync(PdokFault.SlowOnce);

        var location = await pdok.CreateClient(timeoutSeconds: 1).LookupAsync(PdokFixtures.VelperwegId);

        Assert.NotNull(location);
        Assert.Equal(2, pdok.Received.Count);
        // The server would have answered after ten seconds; the client gave up on it (a clock here would measure the machine).
        await pdok.FirstAbandoned.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SlowEveryTime_ThrowsGeocodingUnavailable()
    {
        await using var pdok = await FakePdokServer.StartAsync(PdokFault.SlowAlways);

        await Assert.ThrowsAsync<GeocodingUnavailable>(() => pdok.CreateClient(timeoutSeconds: 1).SuggestAsync("Velperweg"));

        Assert.Equal(3, pdok.Received.Count);
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterTheRetryAfterSeconds()
    {
        await using var pdok = await FakePdokServer.StartAsync(PdokFault.TooManyRequestsOnce);

        var suggestions = await pdok.CreateClient().SuggestAsync("Velperweg 1 Arnhem");

        Assert.Equal(3, suggestions.Count);
        var requests = pdok.Received;
        Assert.Equal(2, requests.Count);
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TooManyRequestsForAnHour_ThrowsGeocodingUnavailableAtOnce()
    {
        await using var pdok = await FakePdokServer.StartAsync(PdokFault.TooManyRequestsForLong);

        await Assert.ThrowsAsync<GeocodingUnavailable>(() => pdok.CreateClient().SuggestAsync("Velperweg 1 Arnhem"));

        Assert.Single(pdok.Received);
    }

    [Fact]
    public async Task GarbageJson_ThrowsGeocodingUnavailableWithoutRetrying()
    {
        await using var pdok = await FakePdokServer.StartAsync(PdokFault.Garbage);

        var error = await Assert.ThrowsAsync<GeocodingUnavailable>(() => pdok.CreateClient().SuggestAsync("Velperweg 1 Arnhem"));

        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
        Assert.Single(pdok.Received);
    }

    [Fact]
    public async Task NobodyListening_ThrowsGeocodingUnavailable()
    {
        using var services = FakePdokServer.BuildServices(new Uri($"http://127.0.0.1:{UnusedPort()}/bzk/locatieserver/search/v3_1/"), 1);

        await Assert.ThrowsAsync<GeocodingUnavailable>(() => services.GetRequiredService<IAddressSearch>().SuggestAsync("Velperweg"));
    }

    [Fact]
    public async Task CallerGivingUp_IsACancellationNotAnOutage()
    {
        await using var pdok = await FakePdokServer.StartAsync(PdokFault.SlowAlways);
        using var cancel = new CancellationTokenSource();

        // The caller gives up while PDOK is still answering (on a busy machine a fixed delay may fire before the request is out).
        var search = pdok.CreateClient().SuggestAsync("Velperweg", cancellationToken: cancel.Token);
        await pdok.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search);
        Assert.Single(pdok.Received);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
