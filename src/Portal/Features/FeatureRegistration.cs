using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Components.Shared;
using Portal.Features.Accounts;
using Portal.Features.Admin;
using Portal.Features.Applications;
using Portal.Features.Applying;
using Portal.Features.Assessment;
using Portal.Features.ChargePoints;
using Portal.Features.Demo;
using Portal.Features.Demo.SimulatedCpo;
using Portal.Features.Home;
using Portal.Features.Mail;
using Portal.Features.Map;
using Portal.Features.Officers;
using Portal.Features.Operators;
using Portal.Features.Policies;
using Portal.Features.Residents;
using Portal.Features.Spots;
using Portal.Hosting;
using Portal.Integration.Accounts;
using Portal.Integration.ChargePoints;
using Portal.Integration.Ocpi.Connections;
using Portal.Integration.Ocpi.Server;

namespace Portal.Features;

internal static class FeatureRegistration
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RoleSeeder>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<TenantAccess>();
        services.AddScoped<ChargePointQueries>();
        services.AddScoped<BackOfficeChargePoints>();
        services.AddScoped<OcpiConnectionQueries>();
        services.AddScoped<OcpiAdministration>();
        // Replaces Integration's silent default, whichever of the two registers first.
        services.Replace(ServiceDescriptor.Scoped<IOcpiConnectionAlerts, FailingConnectionMailer>());
        services.AddScoped<ChargeLocationImporter>();
        services.AddScoped<ChargePointImport>();
        services.AddScoped<HomeQueries>();
        services.AddScoped<OfficerDashboardQueries>();
        services.AddScoped<OperatorQueries>();
        services.AddScoped<MyDataService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<TenantAdministration>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoApplications>();
        services.AddScoped<SpotService>();
        services.AddSingleton<MapIndexCache>();
        services.AddScoped<AddressFinder>();
        services.AddScoped<EligibilityService>();
        services.AddApplications();
        services.AddOfficerApplications();
        services.AddScoped<MunicipalityPolicies>();
        services.AddScoped<PolicyEditor>();
        services.AddScoped<MailOutboxQueries>();
        services.AddResidentApplications();
        services.AddOptions<MapOptions>().Bind(configuration.GetSection("Map"));
        services.AddOptions<SpotOptions>().Bind(configuration.GetSection("Spots"));
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection("Demo"));
        services.AddSimulatedCpo(configuration);
        services.AddOptions<AdminBootstrapOptions>().Bind(configuration.GetSection("Bootstrap"));
        return services;
    }

    public static void MapPortalEndpoints(this WebApplication app)
    {
        app.MapGet("/taal/{culture}", (string culture, string? returnUrl, HttpContext context, UserManager<PortalUser> users) =>
            LocalizationRegistration.SwitchLanguageAsync(culture, returnUrl, context, users));
        app.MapAccountEndpoints();
        app.MapResidentEndpoints();
        app.MapMapEndpoints();
        app.MapSpotEndpoints();
        app.MapPolicyEndpoints();
        app.MapChargePointEndpoints();
        app.MapApplicationDocumentEndpoints();
        app.MapGroup("/ocpi").MapOcpiEndpoints();
        app.MapSimulatedCpo();
    }
}
