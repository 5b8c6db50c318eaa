namespace Portal.Features.Accounts;

internal static class AccountsRegistration
{
    /// <summary>Sign-in, registration and the first administrator: roles, account mails, the tenant check.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RoleSeeder>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<TenantAccess>();
        services.AddOptions<AdminBootstrapOptions>().Bind(configuration.GetSection("Bootstrap"));
        return services;
    }
}
