namespace Portal.Integration.Mail;

/// <summary>Every e-mail the portal sends goes through this one service.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
