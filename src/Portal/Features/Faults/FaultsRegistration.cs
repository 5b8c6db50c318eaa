namespace Portal.Features.Faults;

internal static class FaultsRegistration
{
    /// <summary>Fault reports: the public form with its spam guard, the CPO's and officers' lists, the mails.</summary>
    public static IServiceCollection AddFaults(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FaultOptions>().Bind(configuration.GetSection(FaultOptions.Section));
        services.AddSingleton<FaultFormGuard>();
        services.AddScoped<FaultMailer>();
        services.AddScoped<FaultReportService>();
        return services;
    }
}
