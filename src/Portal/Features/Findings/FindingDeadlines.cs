using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.Findings;
using Portal.Domain.Terms;
using Portal.Features.TrafficOrders;
using Portal.Hosting;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Resources;

namespace Portal.Features.Findings;

/// <summary>
/// The daily round over findings: every finding without a workflow gets one (open, its deadline counted from the day
/// found), an open finding whose deadline passed is marked overdue, and the CPO users of an open finding's operator are
/// mailed a reminder from two working days before its deadline, once per deadline (the outbox's key), each in their own
/// language. Everything is saved together, so a retry or a second run on the same day repeats nothing.
/// </summary>
internal sealed class FindingDeadlines(PortalDbContext db, MailOutbox outbox, PublicUrl portal, IOptions<FindingOptions> options,
    IOptions<TrafficOrderOptions> orderOptions, TimeProvider clock, IStringLocalizer<Texts> T, ILogger<FindingDeadlines> logger)
{
    public async Task<FindingDeadlineRound> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var calendar = TermsCalendar.Default.With(orderOptions.Value.EquatedDays);

        var unopened = await db.Set<ContractFinding>().AsNoTracking()
            .Where(f => !db.FindingResponses.Any(r => r.FindingId == f.Id)).ToListAsync(ct);
        var opened = unopened.Select(f => FindingResponse.Open(f, options.Value.ResponseWorkingDays, calendar, now)).ToList();
        db.FindingResponses.AddRange(opened);

        var open = await db.FindingResponses.Where(r => r.State == FindingState.Open).Include(r => r.Steps).ToListAsync(ct);
        var overdue = open.Concat(opened).Count(r => r.MarkOverdue(today, now));

        var due = open.Concat(opened).Where(r => r.State == FindingState.Open && FindingResponse.ReminderOn(r.Deadline, calendar) <= today).ToList();
        var mails = 0;
        if (due.Count > 0)
        {
            var findingIds = due.Select(r => r.FindingId).ToList();
            var findings = await db.Set<ContractFinding>().AsNoTracking().Where(f => findingIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
            var contractIds = findings.Values.Select(f => f.ContractId).Distinct().ToList();
            var contracts = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var response in due)
                mails += await RemindAsync(findings[response.FindingId], contracts[findings[response.FindingId].ContractId], response, ct);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Finding deadlines: {Opened} opened, {Overdue} overdue, {Mails} reminder mail(s)", opened.Count, overdue, mails);
        return new FindingDeadlineRound(opened.Count, overdue, mails);
    }

    private async Task<int> RemindAsync(ContractFinding finding, Contract contract, FindingResponse response, CancellationToken ct)
    {
        var cpoUsers = await db.Users.AsNoTracking().Where(u => u.OperatorId == contract.OperatorId && u.Email != null)
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
        var link = portal.For(FindingPaths.Cpo(finding.Id));
        var mailed = 0;
        foreach (var user in cpoUsers)
        {
            using (LocalizationRegistration.UseCulture(LocalizationRegistration.CultureOf(user.PreferredCulture)))
            {
                var kind = T[$"ContractFindingKind.{finding.Kind}"];
                var mail = new OutgoingMail(user.Email, user.DisplayName,
                    T["Findings.Reminder.Subject", kind, contract.Reference, Components.Shared.Format.Date(response.Deadline)],
                    T["Findings.Reminder.Body", user.DisplayName, kind, contract.Reference, Components.Shared.Format.Date(finding.FoundOn),
                        Components.Shared.Format.Date(response.Deadline), link]);
                if (await outbox.EnqueueAsync(mail, $"finding:{finding.Id}:reminder:{response.Deadline:yyyy-MM-dd}:{user.Id}", ct))
                    mailed++;
            }
        }
        return mailed;
    }
}

internal sealed record FindingDeadlineRound(int Opened, int Overdue, int Mails);

/// <summary>The back-office addresses of findings.</summary>
internal static class FindingPaths
{
    public const string OfficerList = "/beheer/bevindingen";
    public const string CpoList = "/cpo/bevindingen";

    public static string Officer(long id) => $"/beheer/bevindingen/{id}";

    public static string Cpo(long id) => $"/cpo/bevindingen/{id}";

    public static string Attachment(long id) => $"/beheer/bevindingen/{id}/bijlage";
}
