using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Resources;

namespace Portal.Features.Assessment;

/// <summary>Mail to officers about their applications: the daily deadline reminder, queued in the outbox of the caller's unit of work.</summary>
internal sealed class OfficerMailer(MailOutbox outbox, PublicUrl portal, IStringLocalizer<Texts> T)
{
    public async Task EnqueueDeadlineReminderAsync(string officerId, DateOnly day, string email, string name, IReadOnlyList<DeadlineReminderLine> applications, CancellationToken ct = default)
    {
        var lines = new StringBuilder();
        foreach (var a in applications)
        {
            var when = a.DaysLeft < 0 ? T["Reminder.Overdue", -a.DaysLeft] : T["Reminder.DaysLeft", a.DaysLeft];
            lines.AppendLine(CultureInfo.CurrentCulture, $"- {a.Reference} ({a.Address}): {T["Reminder.LastDay", a.LastDayUtc.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)]}, {when}");
            lines.AppendLine(CultureInfo.InvariantCulture, $"  {portal.For($"/beheer/aanvragen/{a.Id}")}");
        }
        var body = T["Reminder.Body", name, applications.Count, lines.ToString()];
        await outbox.EnqueueAsync(new OutgoingMail(email, name, T["Reminder.Subject", applications.Count], body), $"deadline-reminder:{officerId}:{day:yyyy-MM-dd}", ct);
    }
}

internal sealed record DeadlineReminderLine(Guid Id, string Reference, string Address, DateTime LastDayUtc, int DaysLeft);
