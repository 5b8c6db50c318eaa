using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.TrafficOrders;
using Portal.Features.TrafficOrders.Public;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.TrafficOrders.Objections;

/// <summary>
/// The mails to the person who objected: the acknowledgement with the reference and the dates that now apply
/// (in the language of the page they used), and the decision letter (in Dutch, the municipality's language of
/// decision). Both go into the outbox of the same unit of work as the change, so they are sent if and only if
/// it is saved. A letter names the order, the objector's own grounds and the decision: nobody else's data.
/// </summary>
internal sealed class ObjectionMailer(PortalDbContext db, MailOutbox outbox, PublicUrl portal, TrafficOrderService orders, IStringLocalizer<Texts> T)
{
    private const int GroundsSummaryLength = 600;

    public async Task EnqueueAcknowledgementAsync(TrafficOrder order, Objection objection, CancellationToken ct = default)
    {
        var municipality = await MunicipalityAsync(order, ct);
        var link = portal.For(PublicOrderLinks.PathOf(municipality.Code, order.Reference));
        var isObjection = objection.Kind == ObjectionKind.Objection;
        var term = isObjection ? order.ObjectionTerm(orders.Calendar)! : order.ViewsTerm(orders.Calendar)!;
        var dates = isObjection
            ? T["Objection.Mail.Ack.ObjectionDates", ObjectionTexts.Day(term.LastDay), ObjectionTexts.Day(objection.DecisionTerm(orders.Calendar).LastDay(objection.ReceivedOn))]
            : T["Objection.Mail.Ack.ViewDates", ObjectionTexts.Day(term.LastDay)];
        var late = objection.IsLate ? T["Objection.Mail.Ack.Late", ObjectionTexts.Day(term.LastDay)].Value : "";
        var kind = T[$"Objection.Kind.{objection.Kind}"];
        var mail = new OutgoingMail(objection.Email, objection.Name,
            T["Objection.Mail.Ack.Subject", kind, objection.Reference],
            T["Objection.Mail.Ack.Body", objection.Name, kind.Value.ToLower(CultureInfo.CurrentCulture), order.Reference, order.Title,
                objection.Reference, ObjectionTexts.Day(objection.ReceivedOn), late, dates, link, municipality.Name]);
        await outbox.EnqueueAsync(mail, $"objection:{objection.Id}:received", ct);
    }

    public async Task EnqueueDecisionAsync(TrafficOrder order, Objection objection, CancellationToken ct = default)
    {
        var letter = await ComposeDecisionAsync(order, objection, objection.Outcome!.Value, objection.Consequence!.Value, objection.DecidedOn!.Value, objection.Response!, ct);
        await outbox.EnqueueAsync(new OutgoingMail(objection.Email, objection.Name, letter.Subject, letter.Body), $"objection:{objection.Id}:decided", ct);
    }

    /// <summary>The daily reminder to an officer of the objections whose decision day is near or past, each with a link to its order.</summary>
    public async Task EnqueueDecisionReminderAsync(string officerId, DateOnly day, string email, string name, IReadOnlyList<ObjectionReminderLine> objections, CancellationToken ct = default)
    {
        var lines = new StringBuilder();
        foreach (var o in objections)
        {
            var when = o.DaysLeft < 0 ? T["Reminder.Overdue", -o.DaysLeft] : T["Reminder.DaysLeft", o.DaysLeft];
            lines.AppendLine(CultureInfo.CurrentCulture, $"- {o.Reference} ({o.OrderReference}, {o.OrderTitle}): {T["Reminder.LastDay", ObjectionTexts.Day(o.LastDay)]}, {when}");
            lines.AppendLine(CultureInfo.InvariantCulture, $"  {portal.For($"/beheer/verkeersbesluiten/{o.OrderId}")}");
        }
        var mail = new OutgoingMail(email, name, T["Objection.Reminder.Subject", objections.Count], T["Objection.Reminder.Body", name, objections.Count, lines.ToString()]);
        await outbox.EnqueueAsync(mail, $"objection-reminder:{officerId}:{day:yyyy-MM-dd}", ct);
    }

    /// <summary>The decision letter from the template, in Dutch.</summary>
    public async Task<ObjectionLetter> ComposeDecisionAsync(TrafficOrder order, Objection objection, ObjectionOutcome outcome, ObjectionConsequence consequence,
        DateOnly decidedOn, string reasons, CancellationToken ct = default)
    {
        var municipality = await MunicipalityAsync(order, ct);
        using (LocalizationRegistration.UseCulture(CultureInfo.GetCultureInfo("nl")))
        {
            var grounds = objection.Grounds.Length <= GroundsSummaryLength ? objection.Grounds : objection.Grounds[..GroundsSummaryLength].TrimEnd() + " …";
            var subject = T["Objection.Letter.Subject", objection.Reference, order.Reference];
            var body = T["Objection.Letter.Body", objection.Name, ObjectionTexts.Day(objection.ReceivedOn), objection.Reference, order.Reference, order.Title,
                order.PublishedOn is { } published ? ObjectionTexts.Day(published) : "–", grounds,
                T[$"Objection.Outcome.{outcome}"], T[$"Objection.Consequence.{consequence}"], reasons,
                ObjectionTexts.Day(decidedOn), municipality.Name];
            return new ObjectionLetter(subject, body);
        }
    }

    private async Task<(string Code, string Name)> MunicipalityAsync(TrafficOrder order, CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().Where(m => m.Id == order.MunicipalityId).Select(m => new { m.Code, m.Name }).SingleAsync(ct);
        return (m.Code.Value, m.Name);
    }
}

/// <summary>A decision letter: the subject and the text as mailed.</summary>
public sealed record ObjectionLetter(string Subject, string Body);
