using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Contracts.Evidence;

/// <summary>
/// The daily expiry round over contract evidence (<see cref="EvidenceExpiry"/>): the 60- and 30-day reminders go to the
/// CPO users of the operator and the responsible officer (the one who accepted it while still an officer of one of the
/// contract's municipalities, else every officer of its lead municipality), each in their own language; on the day
/// evidence expires a <see cref="ContractFinding"/> is recorded. The marks, the mails and the findings are saved
/// together, so a run that fails sends nothing and a second run on the same day sends nothing again.
/// </summary>
internal sealed class EvidenceExpiryReminders(PortalDbContext db, MailOutbox outbox, PublicUrl portal, TimeProvider clock, IStringLocalizer<Texts> T,
    ILogger<EvidenceExpiryReminders> logger)
{
    public async Task<EvidenceExpiryRound> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var horizon = today.AddDays(EvidenceExpiry.FirstReminderDays);
        var candidates = await db.Set<SubmittedEvidence>()
            .Where(e => e.ExpiresOn != null && e.ExpiresOn <= horizon && e.ExpiryRecordedOn == null && e.Decision != EvidenceDecision.Rejected)
            .Include(e => e.Evses).Include(e => e.Steps).AsSplitQuery().ToListAsync(ct);
        if (candidates.Count == 0)
            return new EvidenceExpiryRound(0, 0);

        var contractIds = candidates.Select(e => e.ContractId).Distinct().ToList();
        var accepted = await db.Set<SubmittedEvidence>().AsNoTracking()
            .Where(e => contractIds.Contains(e.ContractId) && e.Decision == EvidenceDecision.Accepted).Include(e => e.Evses).ToListAsync(ct);
        var contracts = await db.Set<Contract>().AsNoTracking().Where(c => contractIds.Contains(c.Id)).Include(c => c.Municipalities)
            .ToDictionaryAsync(c => c.Id, ct);

        var reminders = 0;
        var findings = 0;
        foreach (var evidence in candidates)
        {
            var renewed = accepted.Any(evidence.IsRenewedBy);
            if (evidence.ExpiryStepDue(today, renewed) is not { } step)
                continue;
            evidence.RecordExpiryStep(step, today, now);
            var contract = contracts[evidence.ContractId];
            if (step == EvidenceExpiryStep.Expired)
            {
                db.Add(ContractFinding.EvidenceExpired(evidence, today, now));
                findings++;
            }
            else
            {
                reminders += await MailAsync(contract, evidence, step, today, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Evidence expiry: {Mails} reminder mail(s), {Findings} expiry finding(s)", reminders, findings);
        return new EvidenceExpiryRound(reminders, findings);
    }

    private async Task<int> MailAsync(Contract contract, SubmittedEvidence evidence, EvidenceExpiryStep step, DateOnly today, CancellationToken ct)
    {
        var cpoUsers = await db.Users.AsNoTracking().Where(u => u.OperatorId == evidence.OperatorId && u.Email != null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.PreferredCulture)).ToListAsync(ct);
        var members = contract.MunicipalityIds.ToList();
        var officers = await (
            from membership in db.OfficerMemberships
            join user in db.Users on membership.UserId equals user.Id
            where members.Contains(membership.MunicipalityId) && user.Email != null
            select new { membership.MunicipalityId, Recipient = new Recipient(user.Id, user.Email!, user.DisplayName, user.PreferredCulture) }).ToListAsync(ct);
        var decider = officers.Where(o => o.Recipient.Id == evidence.DecidedByUserId).Select(o => o.Recipient).ToList();
        var responsible = decider.Count > 0 ? decider : officers.Where(o => o.MunicipalityId == contract.LeadMunicipalityId).Select(o => o.Recipient).ToList();

        var days = evidence.ExpiresOn!.Value.DayNumber - today.DayNumber;
        var link = portal.For($"/beheer/contracten/{contract.Id}");
        var mailed = 0;
        foreach (var recipient in cpoUsers.Concat(responsible).DistinctBy(r => r.Id))
        {
            using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(recipient.Culture)))
            {
                var expires = evidence.ExpiresOn.Value.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
                var mail = new OutgoingMail(recipient.Email, recipient.Name,
                    T["Evidence.Reminder.Subject", evidence.Title, contract.Reference, days],
                    T["Evidence.Reminder.Body", recipient.Name, T[$"EvidenceKind.{evidence.Kind}"], evidence.Title, evidence.Issuer,
                        $"{evidence.SetId} {evidence.Code}", contract.Reference, expires, days, link]);
                if (await outbox.EnqueueAsync(mail, $"evidence:{evidence.Id:N}:{step}:{recipient.Id}", ct))
                    mailed++;
            }
        }
        return mailed;
    }

    private sealed record Recipient(string Id, string Email, string Name, string? Culture);
}

internal sealed record EvidenceExpiryRound(int Mails, int Findings);
