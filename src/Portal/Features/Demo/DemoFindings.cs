using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.Findings;
using Portal.Domain.Terms;
using Portal.Features.Findings;
using Portal.Integration.Accounts;
using Portal.Integration.Persistence;

namespace Portal.Features.Demo;

/// <summary>
/// Demo mode: the demo contract's findings in their workflow. The expired evidence was answered by the operator three
/// days after it was found; a timeliness finding for the month before last, found 40 days ago, went unanswered and was
/// marked overdue the day after its deadline, so the officer has one to escalate. Seeds once: any workflow on the
/// contract's findings is the mark.
/// </summary>
internal sealed class DemoFindings(PortalDbContext db, UserManager<PortalUser> users, IOptions<FindingOptions> options, TimeProvider clock, ILogger<DemoFindings> logger)
{
    public const string Answer =
        "Kiwa voert de hertest ISO 15118-2 uit in de tweede week van volgende maand; het nieuwe conformiteitsrapport sturen we direct daarna. " +
        "De snelladers zijn tot dan niet aangepast.";

    public async Task SeedAsync(Guid? contractId, CancellationToken ct = default)
    {
        if (contractId is not { } id || await users.FindByEmailAsync(DemoContract.DemoCpo) is not { } cpoUser)
            return;
        var findingIds = db.Set<ContractFinding>().Where(f => f.ContractId == id).Select(f => f.Id);
        if (await db.FindingResponses.AnyAsync(r => findingIds.Contains(r.FindingId), ct))
            return;
        var expired = await db.Set<ContractFinding>().AsNoTracking().FirstOrDefaultAsync(f => f.ContractId == id && f.Kind == ContractFindingKind.EvidenceExpired, ct);
        if (expired is null)
            return;

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DutchCalendar.Day(now);
        var calendar = TermsCalendar.Default;
        var workingDays = options.Value.ResponseWorkingDays;

        var foundOn = today.AddDays(-40);
        var monthBefore = foundOn.AddMonths(-1);
        var late = ContractFinding.TimelinessBelowMinimum(id, new DateOnly(monthBefore.Year, monthBefore.Month, 1), 88.4m, 95m, 60,
            foundOn, DutchCalendar.Utc(foundOn, new TimeOnly(4, 45)));
        if (!await db.Set<ContractFinding>().AnyAsync(f => f.ContractId == id && f.DedupeKey == late.DedupeKey, ct))
        {
            db.Add(late);
            await db.SaveChangesAsync(ct);
            var overdue = FindingResponse.Open(late, workingDays, calendar, late.FoundAtUtc);
            var dayAfter = overdue.Deadline.AddDays(1);
            overdue.MarkOverdue(dayAfter, DutchCalendar.Utc(dayAfter, new TimeOnly(7, 0)));
            db.FindingResponses.Add(overdue);
        }

        var answered = FindingResponse.Open(expired, workingDays, calendar, expired.FoundAtUtc);
        answered.Respond(Answer, null, new ContractActor(cpoUser.Id, cpoUser.DisplayName), DutchCalendar.Utc(expired.FoundOn.AddDays(3), new TimeOnly(14, 30)));
        db.FindingResponses.Add(answered);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo: findings of {Reference} answered and overdue", DemoContract.Reference);
    }
}
