using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.TrafficOrders;
using Portal.Integration.Persistence;

namespace Portal.Features.TrafficOrders.Objections;

/// <summary>
/// The daily reminder of objection decision days (Awb 7:10): an undecided objection whose term ends within
/// <see cref="TrafficOrderOptions.ObjectionReminderDays"/> days, or has passed, is mailed to the officer who drafted
/// its order, or, when that officer no longer works for the municipality, to every officer of it. One mail per
/// officer per day; an objection whose clock stands still for a repair is left out. Runs with the application
/// reminders in RemindOfDeadlinesJob; running it twice a day mails once.
/// </summary>
internal sealed class ObjectionReminders(
    PortalDbContext db,
    TrafficOrderService orders,
    ObjectionMailer mailer,
    IOptions<TrafficOrderOptions> options,
    TimeProvider clock,
    ILogger<ObjectionReminders> logger)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = DutchCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var window = options.Value.ObjectionReminderDays;
        var open = await (
            from objection in db.TrafficOrderObjections
            join order in db.TrafficOrders on objection.TrafficOrderId equals order.Id
            where objection.Kind == ObjectionKind.Objection && objection.Outcome == null && order.Status != TrafficOrderStatus.Withdrawn
                && (objection.DecisionReminderSentOn == null || objection.DecisionReminderSentOn < today)
            select new { Objection = objection, order.Reference, order.Title, order.MunicipalityId }).ToListAsync(ct);
        var due = open.Where(x => x.Objection.NeedsDecisionReminder(today, window, orders.Calendar)).ToList();
        if (due.Count == 0)
            return 0;

        var orderIds = due.Select(x => x.Objection.TrafficOrderId).Distinct().ToList();
        var drafters = await db.Set<TrafficOrderChange>().AsNoTracking()
            .Where(c => orderIds.Contains(c.TrafficOrderId) && c.From == null)
            .ToDictionaryAsync(c => c.TrafficOrderId, c => c.ByUserId, ct);
        var municipalityIds = due.Select(x => x.MunicipalityId).Distinct().ToList();
        var officers = await (
            from membership in db.OfficerMemberships
            join user in db.Users on membership.UserId equals user.Id
            where municipalityIds.Contains(membership.MunicipalityId) && user.Email != null
            select new { membership.MunicipalityId, user.Id, Email = user.Email!, user.DisplayName }).ToListAsync(ct);

        var perOfficer = due
            .SelectMany(x =>
            {
                var members = officers.Where(o => o.MunicipalityId == x.MunicipalityId).ToList();
                var drafter = members.Where(o => o.Id == drafters.GetValueOrDefault(x.Objection.TrafficOrderId)).ToList();
                return (drafter.Count > 0 ? drafter : members).Select(o => (Officer: (o.Id, o.Email, o.DisplayName), Due: x));
            })
            .GroupBy(p => p.Officer, p => p.Due);

        var mailed = 0;
        foreach (var officer in perOfficer)
        {
            var lines = officer
                .Select(x => (Due: x, Term: x.Objection.DecisionTerm(orders.Calendar)))
                .Select(t => new ObjectionReminderLine(t.Due.Objection.TrafficOrderId, t.Due.Objection.Reference, t.Due.Reference, t.Due.Title,
                    t.Term.LastDay(today), t.Term.DaysLeft(today)))
                .OrderBy(l => l.LastDay).ThenBy(l => l.Reference, StringComparer.Ordinal)
                .ToList();
            await mailer.EnqueueDecisionReminderAsync(officer.Key.Id, today, officer.Key.Email, officer.Key.DisplayName, lines, ct);
            mailed++;
        }
        foreach (var x in due)
            x.Objection.RemindedOfDecision(today);
        // The mails and the marks in one save: a failed run sends nothing and marks nothing, so its retry mails once.
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Objection reminders: {Objections} objection(s), {Officers} officer(s) mailed", due.Count, mailed);
        return mailed;
    }
}

internal sealed record ObjectionReminderLine(Guid OrderId, string Reference, string OrderReference, string OrderTitle, DateOnly LastDay, int DaysLeft);
