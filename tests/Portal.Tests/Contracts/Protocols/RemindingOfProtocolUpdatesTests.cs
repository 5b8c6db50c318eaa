using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Contracts.Evidence;
using Portal.Domain.Contracts.ProtocolUpdates;
using Portal.Domain.Requirements;
using Portal.Features.Contracts.Protocols;
using Portal.Jobs;
using Portal.Tests.Contracts.Evidence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Contracts.Protocols;

/// <summary>The daily contract checks over a contract's open protocol update, with the test clock: reminders at 60 and 30 days, once each, and one finding the day after.</summary>
public sealed class RemindingOfProtocolUpdatesTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    private async Task RunJobAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<CheckContractsJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    private void AdvanceTo(DateOnly day) => app.Clock.Advance(TimeSpan.FromDays(day.DayNumber - app.Today().DayNumber));

    private sealed record Mail(string Key, string To, string Subject);

    [Fact]
    public async Task TheJob_RemindsSixtyAndThirtyDaysBefore_OnceEach_AndRecordsOneFindingTheDayAfter()
    {
        var id = await app.ContractWithUpdatesAsync("PROTOCOL-JOB", startedDaysAgo: 30);
        // OCPP 2.1 certified on the contract's first day, a minor update: due six months later.
        await app.CertifyAsync("OCPP", "2.1", ProtocolUpdateKind.Minor, app.Today().AddDays(-30));
        var update = Assert.Single((await app.CallAsync(DemoAccounts.Officer, (ContractProtocolUpdates q, System.Security.Claims.ClaimsPrincipal u) => q.ForAsync(u, id)))!.Updates);
        Assert.Equal((ProtocolUpdateState.Open, app.Today().AddDays(-30).AddMonths(6)), (update.State, update.DueOn));
        var due = update.DueOn;
        var prefix = $"protocol:{id:N}:";
        Task<List<Mail>> MailsAsync() => app.QueryAsync(db => db.OutboxMails.Where(m => m.DedupeKey!.StartsWith(prefix))
            .Select(m => new Mail(m.DedupeKey!, m.ToAddress, m.Subject)).ToListAsync());
        Task<List<ContractFinding>> FindingsAsync() => app.QueryAsync(db => db.Set<ContractFinding>().Where(f => f.ContractId == id).ToListAsync());

        // 61 days before: nothing yet.
        AdvanceTo(due.AddDays(-61));
        await RunJobAsync();
        Assert.Empty(await MailsAsync());

        // 60 days before, the job running twice: the CPO user and Arnhem's officer, once each.
        AdvanceTo(due.AddDays(-60));
        await RunJobAsync();
        await RunJobAsync();
        var sixty = await MailsAsync();
        Assert.Equal([DemoAccounts.Officer, DemoAccounts.Cpo], sixty.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(sixty, m => Assert.Contains(":60:", m.Key, StringComparison.Ordinal));
        Assert.All(sixty, m => Assert.Contains("OCPP 2.1", m.Subject, StringComparison.Ordinal));

        // 30 days before: the second reminder, once each; on the due day itself nothing new.
        AdvanceTo(due.AddDays(-30));
        await RunJobAsync();
        await RunJobAsync();
        AdvanceTo(due);
        await RunJobAsync();
        var all = await MailsAsync();
        Assert.Equal(4, all.Count);
        Assert.Equal([DemoAccounts.Officer, DemoAccounts.Cpo], all.Where(m => m.Key.Contains(":30:", StringComparison.Ordinal)).Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Empty(await FindingsAsync());

        // The day after: one finding, however often the job runs.
        AdvanceTo(due.AddDays(1));
        await RunJobAsync();
        await RunJobAsync();
        var finding = Assert.Single(await FindingsAsync());
        Assert.Equal((ContractFindingKind.ProtocolUpdateOverdue, "OCPP", "2.1", (DateOnly?)due, "G-3", due.AddDays(1)),
            (finding.Kind, finding.Protocol, finding.ProtocolVersion, finding.DueOn, finding.Code, finding.FoundOn));
        Assert.Equal(4, (await MailsAsync()).Count);
    }
}

/// <summary>In a database of its own: certifications are portal-wide and would give the other test's contract due dates too.</summary>
public sealed class ClosingProtocolUpdatesTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    private async Task RunJobAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<CheckContractsJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    private void AdvanceTo(DateOnly day) => app.Clock.Advance(TimeSpan.FromDays(day.DayNumber - app.Today().DayNumber));

    [Fact]
    public async Task AcceptedEvidence_StopsTheReminders()
    {
        var id = await app.ContractWithUpdatesAsync("PROTOCOL-JOB-2", startedDaysAgo: 30);
        await app.CertifyAsync("OCPP", "2.2", ProtocolUpdateKind.Minor, app.Today().AddDays(-30));
        var due = app.Today().AddDays(-30).AddMonths(6);
        await app.GiveEvidenceAsync(id, "OCPP 2.2", accept: true);

        AdvanceTo(due.AddDays(-30));
        await RunJobAsync();
        AdvanceTo(due.AddDays(1));
        await RunJobAsync();

        Assert.False(await app.QueryAsync(db => db.OutboxMails.AnyAsync(m => m.DedupeKey!.StartsWith($"protocol:{id:N}:"))));
        Assert.False(await app.QueryAsync(db => db.Set<ContractFinding>().AnyAsync(f => f.ContractId == id)));
    }
}
