using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Features.Applications;
using Portal.Integration.Persistence;

namespace Portal.Features.Assessment;

/// <summary>
/// The daily deadline reminder: every officer with assigned open applications whose decision
/// deadline is within <see cref="QueueDeadline.NearDays"/> days or already passed gets one mail a
/// day listing them. Applications waiting for information are left out: their clock stands still.
/// Runs every working morning as RemindOfDeadlinesJob; running it twice a day mails once.
/// </summary>
internal sealed class DeadlineReminders(
    PortalDbContext db,
    ApplicationPolicySource policies,
    OfficerMailer mailer,
    TimeProvider clock,
    ILogger<DeadlineReminders> logger)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(DutchCalendar.DayOf(now));
        var candidates = await db.Applications
            .Include(a => a.InformationRequests)
            .Where(a => (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InAssessment)
                && a.AssignedOfficerId != null && (a.DeadlineReminderSentOn == null || a.DeadlineReminderSentOn < today))
            .ToListAsync(ct);

        var due = new List<(Application Application, DecisionDeadline Deadline)>();
        foreach (var application in candidates)
        {
            var deadline = application.Deadline((await policies.GetAsync(application.MunicipalityId, ct)).Deadline);
            if (deadline is not null && !deadline.IsPaused && deadline.DaysLeft(now) <= QueueDeadline.NearDays)
                due.Add((application, deadline));
        }

        var mailed = 0;
        foreach (var officer in due.GroupBy(d => d.Application.AssignedOfficerId!))
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == officer.Key).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct);
            if (user?.Email is null)
                continue;
            var lines = officer.OrderBy(d => d.Deadline.LastDayUtc(now))
                .Select(d => new DeadlineReminderLine(d.Application.Id, d.Application.Reference, DecisionService.AddressOf(d.Application), d.Deadline.LastDayUtc(now), d.Deadline.DaysLeft(now)))
                .ToList();
            await mailer.EnqueueDeadlineReminderAsync(officer.Key, today, user.Email, user.DisplayName, lines, ct);
            foreach (var (application, _) in officer)
                application.RemindedOfDeadline(today);
            // Saved per officer with the mail, so a failure for the next one does not mail this one twice.
            await db.SaveChangesAsync(ct);
            mailed++;
        }
        logger.LogInformation("Deadline reminders: {Applications} application(s), {Officers} officer(s) mailed", due.Count, mailed);
        return mailed;
    }
}
