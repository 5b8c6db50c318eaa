using Microsoft.Extensions.Options;
using Portal.Integration.Mail;

namespace Portal.Hosting;

internal static class MailRegistration
{
    public static void AddPortalMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection("Mail"))
            .Validate(o => o.Delivery != MailDelivery.Smtp || !string.IsNullOrWhiteSpace(o.SmtpHost), "Mail:SmtpHost is required when Mail:Delivery is Smtp.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new MailPickupFolder(
            services.GetRequiredService<AppDataFolder>().Resolve(services.GetRequiredService<IOptions<MailOptions>>().Value.PickupDirectory)));
        builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        builder.Services.AddOptions<MailOutboxOptions>().Bind(builder.Configuration.GetSection("Mail:Outbox"));
        builder.Services.AddScoped<MailOutbox>();
        builder.Services.AddScoped<MailOutboxDelivery>();
    }
}
