using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Integration.Mail;

/// <summary>
/// Sends mail with the framework's SMTP client, either to a server or into a pickup folder.
/// Both paths build the same MIME message, so what the tests read from the folder is what
/// a resident would receive.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options, MailPickupFolder pickup, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.TextBody,
            BodyEncoding = Encoding.UTF8,
            // 8-bit keeps links on one line in the .eml files, so nobody has to decode quoted-printable.
            BodyTransferEncoding = TransferEncoding.EightBit,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.ToAddress, mail.ToName, Encoding.UTF8));
        if (mail.HtmlBody is not null)
        {
            var html = AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.EightBit;
            message.AlternateViews.Add(html);
        }

        using var client = new SmtpClient();
        if (settings.Delivery == MailDelivery.Pickup)
        {
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = pickup.EnsureExists();
        }
        else
        {
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.Host = settings.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is required when Mail:Delivery is Smtp.");
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.SmtpUseTls;
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
                client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
        }

        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("Mail {Subject} sent by {Delivery}", mail.Subject, settings.Delivery);
    }
}
