namespace Portal.Features.Contracts.Protocols;

internal static class ProtocolUpdatesRegistration
{
    /// <summary>Each contract's protocol update due dates (page, exports) and their daily reminders and findings.</summary>
    public static IServiceCollection AddContractProtocolUpdates(this IServiceCollection services)
    {
        services.AddScoped<ContractProtocolUpdates>();
        services.AddScoped<ProtocolUpdateReminders>();
        return services;
    }
}
