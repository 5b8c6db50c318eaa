namespace Portal.Integration.Mail;

public enum MailDelivery
{
    /// <summary>Each message is written as an .eml file to <see cref="MailOptions.PickupDirectory"/> (development, tests).</summary>
    Pickup,

    /// <summary>Each message is sent to the SMTP server (production).</summary>
    Smtp,
}

/// <summary>The "Mail" configuration section.</summary>
public sealed class MailOptions
{
    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;
    public string FromAddress { get; set; } = "noreply@laadpunten.example";
    public string FromName { get; set; } = "Laadpuntenportaal";

    /// <summary>Relative paths are taken from the app's data folder.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpUseTls { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
}
