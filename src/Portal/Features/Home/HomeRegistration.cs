namespace Portal.Features.Home;

internal static class HomeRegistration
{
    /// <summary>The home page's figures.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<HomeQueries>();
        return services;
    }
}
