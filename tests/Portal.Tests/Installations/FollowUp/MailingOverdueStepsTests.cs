using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Installations;
using Portal.Features.Installations;
using Portal.Jobs;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Installations.FollowUp.FollowUpTestData;

namespace Portal.Tests.Installations.FollowUp;

/// <summary>The daily overdue job over the real app: each late step mailed to the CPO's users and the municipality's officers, once.</summary>
public sealed class MailingOverdueStepsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private async Task RunJobAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<MailOverdueInstallationStepsJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    private Task<List<Portal.Integration.Mail.OutboxMail>> MailsOfAsync(Guid id) =>
        ReadAsync(app, db => db.OutboxMails.Where(m => m.DedupeKey!.StartsWith($"installation-overdue:{id:N}:")).ToListAsync());

    [Fact]
    public async Task APlannedDayThatPassed_IsMailedToTheCpoAndTheOfficers_Once_EvenWhenTheJobRunsTwice()
    {
        var cpo = await OperatorAsync(app, "Laadnet Achterstand", "NL*LDA", "planner@laadnet-achterstand.example");
        var spot = await ReadySpotAsync(app, "Achterstandstraat 1", 0.0301);
        var id = await AcceptedCaseAsync(app, spot, cpo, "planner@laadnet-achterstand.example");
        var today = app.Today();
        Assert.Null((await app.AsAsync<InstallationService, InstallationStepResult>(DemoAccounts.Officer,
            (s, u) => s.PlanAsync(u, id, InstallationStep.NeighboursInformed, today.AddDays(-3)))).Problem);
        Assert.Null((await app.AsAsync<InstallationService, InstallationStepResult>(DemoAccounts.Officer,
            (s, u) => s.PlanAsync(u, id, InstallationStep.ChargePointPlaced, today.AddDays(5)))).Problem);

        await RunJobAsync();
        await RunJobAsync();

        var mails = await MailsOfAsync(id);
        // One step is late (the placement is still ahead), to the operator's one user and Arnhem's demo officer.
        Assert.Equal(["ambtenaar@demo.example", "planner@laadnet-achterstand.example"], mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.StartsWith("Achterstand bij installatiezaak IN-", m.Subject, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("is de stap 'Omwonenden geïnformeerd' te laat: de geplande dag is voorbij", m.TextBody, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("3 dag(en) geleden", m.TextBody, StringComparison.Ordinal));
        var notice = Assert.Single(await ReadAsync(app, db => db.InstallationOverdueNotices.Where(n => n.CaseId == id).ToListAsync()));
        Assert.Equal((InstallationStep.NeighboursInformed, today.AddDays(-3), 2), (notice.Step, notice.DueOn, notice.Recipients));
    }

    [Fact]
    public async Task ANewPlannedDay_ThatPassesAgain_IsMailedAgain_ADoneStepNot()
    {
        var cpo = await OperatorAsync(app, "Laadnet Achterstand", "NL*LDA", "planner@laadnet-achterstand.example");
        var spot = await ReadySpotAsync(app, "Achterstandstraat 3", 0.0302);
        var id = await AcceptedCaseAsync(app, spot, cpo, "planner@laadnet-achterstand.example");
        var today = app.Today();
        await app.AsAsync<InstallationService, InstallationStepResult>(DemoAccounts.Officer, (s, u) => s.PlanAsync(u, id, InstallationStep.LocationProposalChecked, today.AddDays(-10)));
        await app.AsAsync<InstallationService, InstallationStepResult>(DemoAccounts.Officer, (s, u) => s.PlanAsync(u, id, InstallationStep.NeighboursInformed, today.AddDays(-10)));
        await RunJobAsync();

        // The officer moves one planned day (still past); the other step gets done.
        await app.AsAsync<InstallationService, InstallationStepResult>(DemoAccounts.Officer, (s, u) => s.PlanAsync(u, id, InstallationStep.LocationProposalChecked, today.AddDays(-1)));
        await app.AsAsync<InstallationService, InstallationStepResult>(DemoAccounts.Officer, (s, u) => s.ReportAsync(u, id, InstallationStep.NeighboursInformed, today, null));
        await RunJobAsync();

        var notices = await ReadAsync(app, db => db.InstallationOverdueNotices.Where(n => n.CaseId == id).OrderBy(n => n.Id).ToListAsync());
        Assert.Equal(
            [(InstallationStep.LocationProposalChecked, today.AddDays(-10)), (InstallationStep.NeighboursInformed, today.AddDays(-10)), (InstallationStep.LocationProposalChecked, today.AddDays(-1))],
            notices.Select(n => (n.Step, n.DueOn)).OrderBy(n => n.DueOn).ThenBy(n => n.Step));
        // Three steps-and-days, each to two people.
        Assert.Equal(6, (await MailsOfAsync(id)).Count);
    }
}
