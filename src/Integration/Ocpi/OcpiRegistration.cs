using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Integration.Ocpi.Connections;
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
        services.AddScoped<OcpiConnections>();
        services.AddScoped<LocationReceiver>();
        services.AddSingleton<ChargeLocationChanges>();
        return services;
    }
}
