using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Integration.Ocpi.ChargingProfiles;
using Portal.Integration.Ocpi.Client;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Pulling;
using Portal.Integration.Ocpi.Receiving;

namespace Portal.Integration.Ocpi;

public static class OcpiRegistration
{
    public static IServiceCollection AddOcpi(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<OcpiOptions>().Bind(section)
            .Validate(o => o.CountryCode is { Length: 2 } && o.CountryCode.All(char.IsAsciiLetterUpper), "Ocpi CountryCode must be two upper-case letters.")
            .Validate(o => o.PartyId is { Length: 3 } && o.PartyId.All(char.IsAsciiLetterOrDigit), "Ocpi PartyId must be three letters or digits.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name) && o.Name.Length <= 100, "Ocpi Name is required (at most 100 characters).")
            .ValidateOnStart();
        services.AddOptions<OcpiClientOptions>().Bind(section.GetSection("Client"))
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.MaxRetryAttempts >= 0 && o.PageLimit is > 0 and <= 10_000, "Ocpi:Client needs a positive AttemptTimeout and a PageLimit of 1 to 10000.")
            .Validate(o => o.CircuitFailureRatio is > 0 and <= 1 && o.CircuitMinimumThroughput >= 2, "Ocpi:Client circuit settings are out of range.");
        services.AddSingleton<OcpiResiliencePipelines>();
        services.AddSingleton<Audits.IngestHealthLog>();
        // The resilience pipeline times each attempt out; HttpClient's own timeout would cut across retries.
        services.AddHttpClient<OcpiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<OcpiPartners>();
        // The host replaces this with one that tells its admins; without a host nobody is told.
        services.TryAddScoped<IOcpiConnectionAlerts, NoOcpiConnectionAlerts>();
        services.AddScoped<OcpiPuller>();
        services.AddScoped<OcpiPullRecorder>();
        services.AddScoped<LocationPageStore>();
        services.AddScoped<TariffVersionStore>();
        services.AddScoped<OcpiConnections>();
        services.AddSingleton<Server.OcpiCallerCache>();
        services.AddScoped<LocationReceiver>();
        services.AddScoped<LocationPipeline>();
        services.AddScoped<EvseStatusPatchStore>();
        services.AddSingleton<EvseStatusPatchWriter>();
        services.AddScoped<ChargingProfileSender>();
        services.AddScoped<ChargingProfileResults>();
        services.AddScoped<ChargingProfileDelivery>();
        services.AddScoped<ActiveChargingProfileUpdates>();
        services.AddSingleton<ChargeLocationChanges>();
        return services;
    }
}
