using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Applications;
using Portal.Domain.Installations;
using Portal.Domain.Spots;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Installations.Commissioning;

/// <summary>
/// The mail to the residents whose approved application led to the spot: their charge point is live. In each
/// resident's language, in the outbox of the same unit of work as the confirmation, once per case and application.
/// </summary>
internal sealed class CommissioningMailer(PortalDbContext db, MailOutbox outbox, PublicUrl portal, IStringLocalizer<Texts> T)
{
    /// <summary>Queues the mails; call before SaveChanges. Returns how many were queued.</summary>
    public async Task<int> EnqueueLiveAsync(InstallationCase installation, Spot spot, DateOnly goLiveOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentNullException.ThrowIfNull(spot);
        var applicants = await (
            from application in db.Applications.AsNoTracking()
            where application.SpotId == spot.Id && application.Status == ApplicationStatus.Approved && application.ApplicantUserId != null
            join user in db.Users.AsNoTracking() on application.ApplicantUserId equals user.Id
            where user.Email != null
            select new { application.Id, application.Reference, user.Email, user.DisplayName, user.PreferredCulture }).ToListAsync(ct);
        var queued = 0;
        foreach (var applicant in applicants)
        {
            var link = portal.For($"/aanvragen/{applicant.Id}");
            OutgoingMail mail;
            using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(applicant.PreferredCulture)))
            {
                mail = new OutgoingMail(applicant.Email!, applicant.DisplayName,
                    T["Mail.Commissioned.Subject", applicant.Reference],
                    T["Mail.Commissioned.Body", applicant.DisplayName, spot.Address, goLiveOn.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), applicant.Reference, link]);
            }
            if (await outbox.EnqueueAsync(mail, $"commissioned:{installation.Id:N}:{applicant.Id:N}", ct))
                queued++;
        }
        return queued;
    }
}
