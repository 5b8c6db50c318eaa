namespace Portal.Features.Mail;

internal static class MailRegistration
{
    /// <summary>The administrator's view of the mail outbox.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MailOutboxQueries>();
        return services;
    }
}
