using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Contracts.Findings;
using Portal.Domain.Terms;
using Portal.Features.Findings;
using Portal.Tests.Contracts;
using Portal.Tests.Faults;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Findings;

/// <summary>The daily deadline round on a fake clock: the reminder two working days before the deadline, once; overdue the day after it; then escalated without a penalty.</summary>
public sealed class FindingDeadlinesTests(FaultsAppFactory app) : IClassFixture<FaultsAppFactory>
{
    private Task<T> As<T>(string email, Func<FindingService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    private Task<FindingDeadlineRound> RunAsync() => app.CallAsync(DemoAccounts.Officer, (FindingDeadlines d, ClaimsPrincipal _) => d.RunAsync());

    private void AdvanceTo(DateOnly day) =>
        app.Clock.Advance(TimeSpan.FromDays(day.DayNumber - DutchCalendar.Day(app.Now).DayNumber));

    [Fact]
    public async Task AnUnansweredFinding_IsRemindedOnce_ThenOverdue_ThenEscalatedWithoutPenalty()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("BEV-TERMIJN");
        var id = await FindingTestData.TimelinessAsync(app, contract, new DateOnly(2026, 1, 1));
        var foundOn = DutchCalendar.Day(app.Now);
        var deadline = FindingResponse.DeadlineFor(foundOn, 10, TermsCalendar.Default);   // worked out by hand in RespondingToFindingsTests (Domain)
        var reminderOn = FindingResponse.ReminderOn(deadline, TermsCalendar.Default);

        await RunAsync();
        var opened = (await As(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((FindingState.Open, deadline, false), (opened.State, opened.Response!.Deadline, opened.Overdue));
        Assert.Equal(0, await RemindersAsync(id));

        AdvanceTo(reminderOn);
        await RunAsync();
        await RunAsync();
        Assert.Equal(1, await RemindersAsync(id));   // the demo operator's one CPO user, once

        AdvanceTo(deadline);
        await RunAsync();
        Assert.Equal(FindingState.Open, (await As(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, id)))!.State);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        var overdue = (await As(ContractTestSetup.RenkumOfficer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((FindingState.Overdue, true), (overdue.State, overdue.Overdue));
        Assert.Contains(await As(ContractTestSetup.RenkumOfficer, (s, u) => s.ListAsync(u, new FindingFilter(FindingState.Overdue))), r => r.Finding.Id == id);

        // The contract has no penalty for data latency: escalated, nothing proposed.
        Assert.Null((await As(ContractTestSetup.RenkumOfficer, (s, u) => s.EscalateAsync(u, id, "Niet gereageerd binnen de termijn"))).Problem);
        var escalated = (await As(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, id)))!.Response!;
        Assert.Equal((FindingState.Escalated, null, null), (escalated.State, escalated.PenaltyTerm, escalated.PenaltyEuro));
        Assert.Equal([FindingStepKind.Opened, FindingStepKind.MarkedOverdue, FindingStepKind.Escalated], escalated.Steps.OrderBy(s => s.Id).Select(s => s.Kind));
    }

    private Task<int> RemindersAsync(long id) =>
        app.ReadAsync(db => db.OutboxMails.CountAsync(m => m.DedupeKey!.StartsWith($"finding:{id}:reminder:")));
}
