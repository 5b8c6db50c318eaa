namespace Portal.Features.Contracts.Power;

internal static class ContractPowerRegistration
{
    /// <summary>The maximum power per covered EVSE and the grid connection capacities behind it.</summary>
    public static IServiceCollection AddContractPower(this IServiceCollection services) => services.AddScoped<ContractPower>();
}
