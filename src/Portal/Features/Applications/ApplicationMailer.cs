using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Applications;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Applications;

/// <summary>
/// The e-mail a resident gets on every status change of their application, with the text the
/// officer wrote (the decision, or the question) and a link to the application.
/// </summary>
internal sealed class ApplicationMailer(PortalDbContext db, IMailSender mail, IStringLocalizer<Texts> T)
{
    public async Task NotifyAsync(Application application, string baseUri, CancellationToken ct = default)
    {
        if (application.ApplicantUserId is not { } userId)
            return;
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (applicant?.Email is null)
            return;

        var link = $"{baseUri.TrimEnd('/')}/aanvragen/{application.Id}";
        var status = T[$"Application.Status.{application.Status}"];
        var text = application.Status == ApplicationStatus.WaitingForInformation
            ? application.OpenInformationRequest?.Question
            : application.IsClosed ? application.DecisionText : null;
        var body = T["Mail.Application.Body", applicant.DisplayName, application.Reference, status,
            string.IsNullOrWhiteSpace(text) ? "" : $"\n{text}\n", link];
        await mail.SendAsync(new OutgoingMail(applicant.Email, applicant.DisplayName,
            T["Mail.Application.Subject", application.Reference, status], body), ct);
    }
}
