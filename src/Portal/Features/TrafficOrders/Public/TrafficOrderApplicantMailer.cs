using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Applications;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders.Objections;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.TrafficOrders.Public;

/// <summary>
/// Tells the residents whose approved application led to a spot in an order what happens to it: when the order
/// is published (with the last day for objections and a link to its public page) and when it becomes final. One
/// mail per application and event, in the resident's language; queued in the unit of work of the order's step.
/// </summary>
internal sealed class TrafficOrderApplicantMailer(PortalDbContext db, MailOutbox outbox, PublicUrl portal, IStringLocalizer<Texts> T)
{
    /// <summary>Queues the publication mails; call before SaveChanges, with <paramref name="lastObjectionDay"/> from the order's term.</summary>
    public Task EnqueuePublishedAsync(TrafficOrder order, DateOnly lastObjectionDay, CancellationToken ct = default) =>
        EnqueueAsync(order, "published", (name, application, link) =>
            (T["TrafficOrder.Mail.Published.Subject", order.Reference],
             T[order.Route == TrafficOrderRoute.Direct ? "TrafficOrder.Mail.Published.Body" : "TrafficOrder.Mail.PublishedAfterViews.Body",
                name, application, order.Reference, order.Title, ObjectionTexts.Day(order.PublishedOn!.Value), ObjectionTexts.Day(lastObjectionDay), link]), ct);

    /// <summary>Queues the mails that the order became final; call before SaveChanges.</summary>
    public Task EnqueueFinalAsync(TrafficOrder order, CancellationToken ct = default) =>
        EnqueueAsync(order, "final", (name, application, link) =>
            (T["TrafficOrder.Mail.Final.Subject", order.Reference],
             T["TrafficOrder.Mail.Final.Body", name, application, order.Reference, order.Title, link]), ct);

    private async Task EnqueueAsync(TrafficOrder order, string @event, Func<string, string, string, (string Subject, string Body)> compose, CancellationToken ct)
    {
        var spots = order.Locations.Select(l => l.SpotId).ToList();
        var code = await db.Municipalities.AsNoTracking().Where(m => m.Id == order.MunicipalityId).Select(m => m.Code).SingleAsync(ct);
        var link = portal.For(PublicOrderLinks.PathOf(code.Value, order.Reference));
        var applicants = await (
            from a in db.Applications.AsNoTracking()
            join u in db.Users.AsNoTracking() on a.ApplicantUserId equals u.Id
            where a.SpotId != null && spots.Contains(a.SpotId.Value) && a.Status == ApplicationStatus.Approved && a.MunicipalityId == order.MunicipalityId
            select new { a.Id, a.Reference, u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
        foreach (var applicant in applicants.Where(a => a.Email is not null))
        {
            OutgoingMail mail;
            using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(applicant.PreferredCulture)))
            {
                var (subject, body) = compose(applicant.DisplayName, applicant.Reference, link);
                mail = new OutgoingMail(applicant.Email!, applicant.DisplayName, subject, body);
            }
            await outbox.EnqueueAsync(mail, $"order:{order.Id}:{@event}:{applicant.Id}", ct);
        }
    }
}
