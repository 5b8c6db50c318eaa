using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Integration.Geocoding;

public static class GeocodingRegistration
{
    /// <summary>Registers <see cref="IAddressSearch"/> as the PDOK Locatieserver client, configured from <paramref name="section"/>.</summary>
    public static IServiceCollection AddGeocoding(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<GeocodingOptions>().Bind(section)
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                "Geocoding BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 60, "Geocoding TimeoutSeconds must be between 1 and 60.")
            .ValidateOnStart();

        services.TryAddSingleton(provider => new GeocodingResilience(
            provider.GetRequiredService<IOptions<GeocodingOptions>>(),
            provider.GetRequiredService<ILogger<GeocodingResilience>>(),
            provider.GetService<TimeProvider>()));
        services.AddTransient<GeocodingResilienceHandler>();

        services.AddHttpClient<IAddressSearch, PdokLocatieserverClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<GeocodingOptions>>().Value;
                var baseUrl = options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/";
                http.BaseAddress = new Uri(baseUrl, UriKind.Absolute);
                // The pipeline times out each attempt; this only catches what slips past it.
                http.Timeout = provider.GetRequiredService<GeocodingResilience>().WorstCase + TimeSpan.FromSeconds(5);
                http.MaxResponseContentBufferSize = 1024 * 1024;
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            })
            .AddHttpMessageHandler<GeocodingResilienceHandler>();

        return services;
    }
}
