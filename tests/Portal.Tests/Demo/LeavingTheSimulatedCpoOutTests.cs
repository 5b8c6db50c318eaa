using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Features.Demo.SimulatedCpo;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>
/// Demo data on but the simulated CPO not asked for (outside Development, Demo:SimulatedCpo:Enabled unset), as in
/// production: none of the simulator is registered and its OCPI endpoints do not exist.
/// </summary>
public sealed class LeavingTheSimulatedCpoOutTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData("/demo-cpo/ocpi/versions")]
    [InlineData("/demo-cpo/ocpi/2.2.1")]
    [InlineData("/demo-cpo/ocpi/2.2.1/locations")]
    public async Task TheSimulatorsEndpoints_AnswerNotFound(string path)
    {
        using var http = app.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", "ZGVtby10b2tlbg==");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void NoneOfTheSimulator_IsRegistered()
    {
        var services = app.App.Services;

        Assert.Null(services.GetService<SimulatedCpoRunner>());
        Assert.Null(services.GetService<SimulatedCpoWorld>());
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s is SimulatedCpoRunner);
    }
}
