using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Installations;
using Portal.Domain.Terms;
using Portal.Features.TrafficOrders;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Installations.Overdue;

/// <summary>
/// The daily overdue mail: every step of an open case that is late (<see cref="InstallationCase.Overdue"/>: a planned
/// day passed, the ACM norm for the grid connection, the dig notification's last day) is mailed to the CPO's users and
/// the officers of the case's municipality, once per step and due day: what went out is recorded
/// (<see cref="OverdueStepNotice"/>), saved per case with its mails, so running twice, or a retry, mails nothing twice.
/// Paused cases stand still and are left out.
/// </summary>
internal sealed class OverdueStepMails(PortalDbContext db, MailOutbox outbox, PublicUrl portal, IOptions<TrafficOrderOptions> orders, TimeProvider clock,
    IStringLocalizer<Texts> T, ILogger<OverdueStepMails> logger)
{
    private sealed record Recipient(string Id, string Email, string Name, string? Culture);

    /// <summary>Mails what is newly overdue; returns how many steps were mailed about.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var calendar = TermsCalendar.Default.With(orders.Value.EquatedDays);
        var cases = await db.InstallationCases.AsNoTracking().Include(c => c.Steps).AsSplitQuery()
            .Where(c => c.Status == InstallationCaseStatus.Open).ToListAsync(ct);
        var due = cases.Select(c => (Case: c, Steps: c.Overdue(today, calendar))).Where(x => x.Steps.Count > 0).ToList();
        if (due.Count == 0)
            return 0;
        var ids = due.Select(x => x.Case.Id).ToList();
        var sent = (await db.InstallationOverdueNotices.AsNoTracking().Where(n => ids.Contains(n.CaseId))
            .Select(n => new { n.CaseId, n.Step, n.DueOn }).ToListAsync(ct)).Select(n => (n.CaseId, n.Step, n.DueOn)).ToHashSet();
        var spotIds = due.Select(x => x.Case.SpotId).Distinct().ToList();
        var addresses = await db.Spots.AsNoTracking().Where(s => spotIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Address, ct);
        var cpoUsers = new Dictionary<Guid, IReadOnlyList<Recipient>>();
        var officers = new Dictionary<Guid, IReadOnlyList<Recipient>>();

        var mailed = 0;
        foreach (var (installation, steps) in due)
        {
            var fresh = steps.Where(s => !sent.Contains((installation.Id, s.Step, s.DueOn))).ToList();
            if (fresh.Count == 0)
                continue;
            if (!cpoUsers.TryGetValue(installation.OperatorId, out var cpo))
                cpoUsers[installation.OperatorId] = cpo = await CpoUsersAsync(installation.OperatorId, ct);
            if (!officers.TryGetValue(installation.MunicipalityId, out var municipal))
                officers[installation.MunicipalityId] = municipal = await OfficersAsync(installation.MunicipalityId, ct);
            var recipients = cpo.Concat(municipal).DistinctBy(r => r.Id).ToList();
            foreach (var step in fresh)
            {
                foreach (var recipient in recipients)
                    await outbox.EnqueueAsync(Compose(installation, addresses.GetValueOrDefault(installation.SpotId, ""), step, today, recipient),
                        string.Create(CultureInfo.InvariantCulture, $"installation-overdue:{installation.Id:N}:{step.Step}:{step.DueOn:yyyyMMdd}:{recipient.Id}"), ct);
                db.InstallationOverdueNotices.Add(OverdueStepNotice.Sent(installation.Id, step, recipients.Count, now));
                mailed++;
            }
            // Saved per case with its mails, so a failure on the next case does not mail this one twice.
            await db.SaveChangesAsync(ct);
        }
        logger.LogInformation("Overdue installation steps: {Steps} step(s) mailed", mailed);
        return mailed;
    }

    private OutgoingMail Compose(InstallationCase installation, string address, OverdueStep step, DateOnly today, Recipient recipient)
    {
        using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(recipient.Culture)))
        {
            var stepName = T[$"InstallationStep.{step.Step}"].Value;
            var why = step.Kind switch
            {
                OverdueKind.GridConnectionNorm => T["Overdue.Kind.GridConnectionNorm", installation.GridConnectionRequest?.GridOperator ?? ""].Value,
                OverdueKind.DigNotificationWindow => T["Overdue.Kind.DigNotificationWindow"].Value,
                _ => T["Overdue.Kind.PlannedDayPassed"].Value,
            };
            var body = T["Overdue.Mail.Body", recipient.Name, installation.Reference, address, stepName, why,
                step.DueOn.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), today.DayNumber - step.DueOn.DayNumber, portal.For($"/beheer/installaties/{installation.Id}")];
            return new OutgoingMail(recipient.Email, recipient.Name, T["Overdue.Mail.Subject", installation.Reference, stepName], body);
        }
    }

    private async Task<IReadOnlyList<Recipient>> CpoUsersAsync(Guid operatorId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.OperatorId == operatorId && u.Email != null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.PreferredCulture)).ToListAsync(ct);

    private async Task<IReadOnlyList<Recipient>> OfficersAsync(Guid municipalityId, CancellationToken ct) =>
        await (from membership in db.OfficerMemberships
               join user in db.Users on membership.UserId equals user.Id
               where membership.MunicipalityId == municipalityId && user.Email != null
               select new Recipient(user.Id, user.Email!, user.DisplayName, user.PreferredCulture)).ToListAsync(ct);
}
