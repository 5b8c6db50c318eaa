using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Applications;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Applications;

/// <summary>
/// The e-mail a resident gets on every status change of their application, with the text the
/// officer wrote (the decision, or the question) and a link to the application, in the resident's
/// language (not the officer's). The mail goes into the outbox of the same unit of work as the
/// change, so it is sent if and only if the change is saved.
/// </summary>
internal sealed class ApplicationMailer(PortalDbContext db, MailOutbox outbox, PublicUrl portal, IStringLocalizer<Texts> T)
{
    /// <summary>Queues the mail for the application's current status; call before SaveChanges.</summary>
    public async Task EnqueueAsync(Application application, CancellationToken ct = default)
    {
        var text = application.Status == ApplicationStatus.WaitingForInformation
            ? application.OpenInformationRequest?.Question
            : application.IsClosed ? application.DecisionText : null;
        if (await ComposeAsync(application, application.Status, text, ct) is not { } mail)
            return;
        // One mail per history entry: a retried request cannot queue the same news twice.
        await outbox.EnqueueAsync(mail, $"application:{application.Id}:{application.History.Count}", ct);
    }

    /// <summary>
    /// Queues the notice that the decision term was extended (Awb 4:14: the applicant is told, with the
    /// new last day); call before SaveChanges. Keyed like a status mail, by the history entry of the extension.
    /// </summary>
    public async Task EnqueueExtensionAsync(Application application, DateTime lastDayUtc, CancellationToken ct = default)
    {
        if (await ApplicantAsync(application, ct) is not { } applicant)
            return;
        var link = portal.For($"/aanvragen/{application.Id}");
        OutgoingMail mail;
        using (LocalizationRegistration.UseCulture(applicant.Culture))
        {
            mail = new OutgoingMail(applicant.Email, applicant.DisplayName,
                T["Mail.Extension.Subject", application.Reference],
                T["Mail.Extension.Body", applicant.DisplayName, application.Reference, Format.Date(lastDayUtc), link]);
        }
        await outbox.EnqueueAsync(mail, $"application:{application.Id}:{application.History.Count}", ct);
    }

    /// <summary>The mail as the resident will get it when the application moves to <paramref name="status"/>; null without an applicant.</summary>
    public async Task<OutgoingMail?> ComposeAsync(Application application, ApplicationStatus status, string? text, CancellationToken ct = default)
    {
        if (await ApplicantAsync(application, ct) is not { } applicant)
            return null;

        var link = portal.For($"/aanvragen/{application.Id}");
        using (LocalizationRegistration.UseCulture(applicant.Culture))
        {
            var statusText = T[$"Application.Status.{status}"];
            var body = T["Mail.Application.Body", applicant.DisplayName, application.Reference, statusText,
                string.IsNullOrWhiteSpace(text) ? "" : $"\n{text.Trim()}\n", link];
            return new OutgoingMail(applicant.Email, applicant.DisplayName, T["Mail.Application.Subject", application.Reference, statusText], body);
        }
    }

    private async Task<Applicant?> ApplicantAsync(Application application, CancellationToken ct)
    {
        if (application.ApplicantUserId is not { } userId)
            return null;
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(ct);
        return applicant?.Email is { } email ? new Applicant(email, applicant.DisplayName, LocalizationRegistration.CultureOf(applicant.PreferredCulture)) : null;
    }

    private sealed record Applicant(string Email, string DisplayName, CultureInfo Culture);
}
