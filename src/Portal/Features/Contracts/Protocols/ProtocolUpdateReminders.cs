using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.ProtocolUpdates;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Contracts.Protocols;

/// <summary>
/// The daily round over every signed contract's open protocol updates (<see cref="ProtocolUpdateReminder"/>): the 60-
/// and 30-day reminders go to the operator's CPO users and the officers of the contract's lead municipality (who edit
/// it), each in their own language and each once (the outbox keeps one mail per update, due date, step and person);
/// the day after an open due date passed a <see cref="ContractFinding"/> is recorded, once. Mails and findings are
/// saved together.
/// </summary>
internal sealed class ProtocolUpdateReminders(PortalDbContext db, ContractProtocolUpdates protocolUpdates, MailOutbox outbox, PublicUrl portal, TimeProvider clock,
    IStringLocalizer<Texts> T, ILogger<ProtocolUpdateReminders> logger)
{
    public async Task<ProtocolUpdateRound> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.Versions.Any(v => v.SignedAtUtc != null))
            .Include(c => c.Municipalities).Include(c => c.Versions).ThenInclude(v => v.Requirements).AsSplitQuery().ToListAsync(ct);
        if (contracts.Count == 0)
            return new ProtocolUpdateRound(0, 0);
        var updates = await protocolUpdates.ComputeAsync(contracts, today, ct);
        var ids = contracts.Select(c => c.Id).ToList();
        var found = (await db.Set<ContractFinding>().AsNoTracking().Where(f => ids.Contains(f.ContractId) && f.Kind == ContractFindingKind.ProtocolUpdateOverdue)
            .Select(f => new { f.ContractId, f.DedupeKey }).ToListAsync(ct)).Select(f => (f.ContractId, f.DedupeKey)).ToHashSet();

        var mails = 0;
        var findings = 0;
        foreach (var contract in contracts)
        {
            foreach (var update in updates[contract.Id])
            {
                var step = ProtocolUpdateReminder.StepDue(update, today);
                if (step == ProtocolUpdateStep.OverdueFinding)
                {
                    if (found.Add((contract.Id, ContractFinding.ProtocolKey(update))))
                    {
                        db.Add(ContractFinding.ProtocolUpdateOverdue(contract.Id, update, today, now));
                        findings++;
                    }
                }
                else if (step is { } reminder)
                {
                    mails += await MailAsync(contract, update, reminder, today, ct);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Protocol updates: {Mails} reminder mail(s), {Findings} overdue finding(s)", mails, findings);
        return new ProtocolUpdateRound(mails, findings);
    }

    private async Task<int> MailAsync(Contract contract, ContractProtocolUpdate update, ProtocolUpdateStep step, DateOnly today, CancellationToken ct)
    {
        var cpoUsers = await db.Users.AsNoTracking().Where(u => u.OperatorId == contract.OperatorId && u.Email != null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName, u.PreferredCulture)).ToListAsync(ct);
        var officers = await (
            from membership in db.OfficerMemberships
            join user in db.Users on membership.UserId equals user.Id
            where membership.MunicipalityId == contract.LeadMunicipalityId && user.Email != null
            select new Recipient(user.Id, user.Email!, user.DisplayName, user.PreferredCulture)).ToListAsync(ct);

        var link = portal.For($"/beheer/contracten/{contract.Id}");
        var days = update.DaysLeft(today);
        var mailed = 0;
        foreach (var recipient in cpoUsers.Concat(officers).DistinctBy(r => r.Id))
        {
            using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(recipient.Culture)))
            {
                var due = update.DueOn.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
                var mail = new OutgoingMail(recipient.Email, recipient.Name,
                    T["ProtocolUpdates.Reminder.Subject", update.Name, contract.Reference, days],
                    T["ProtocolUpdates.Reminder.Body", recipient.Name, update.Name, T[$"Protocols.Kind.{update.Kind}"],
                        $"{update.Requirement.SetId} {update.Requirement.Code}", contract.Reference, due, days, link]);
                var key = string.Create(CultureInfo.InvariantCulture,
                    $"protocol:{contract.Id:N}:{update.Protocol.ToUpperInvariant()}:{update.Version.ToUpperInvariant()}:{update.DueOn:yyyyMMdd}:{(step == ProtocolUpdateStep.SixtyDayReminder ? 60 : 30)}:{recipient.Id}");
                if (await outbox.EnqueueAsync(mail, key, ct))
                    mailed++;
            }
        }
        return mailed;
    }

    private sealed record Recipient(string Id, string Email, string Name, string? Culture);
}

internal sealed record ProtocolUpdateRound(int Mails, int Findings);
