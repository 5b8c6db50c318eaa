using Portal.Domain.Contracts;
using Portal.Features.Contracts;
using Portal.Features.Installations;
using Portal.Features.Installations.Commissioning;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Installations.FollowUp.FollowUpTestData;

namespace Portal.Tests.Installations.FollowUp;

/// <summary>The share of cases finished within the contract's installation term, over the real app (its own clock, so its cases are its own).</summary>
public sealed class LeadTimesWithAContractTermTests(LeadTimesApp app) : IClassFixture<LeadTimesApp>
{
    [Fact]
    public async Task ACaseUnderAContractWithAnInstallationTerm_CountsInTheShareFinishedInTerm()
    {
        const string user = "planner@laadnet-termijn.example";
        var cpo = await OperatorAsync(app, "Laadnet Termijn", "NL*LDT", user);
        var contract = await ConcessionAsync(app, cpo, "CONC-TERMIJN");
        var versionId = (await app.CallAsync<ContractService, Contract?>(DemoAccounts.Officer, (s, u) => s.FindAsync(u, contract)))!.Versions.Single().Id;
        Assert.Null((await app.CallAsync<ContractService, ContractStep>(DemoAccounts.Officer, (s, u) => s.ChangeTermsAsync(u, contract, versionId, new ContractTerms { MaxInstallationWeeks = 26 }))).Problem);
        Assert.Null((await app.CallAsync<ContractService, ContractStep>(DemoAccounts.Officer, (s, u) => s.SignAsync(u, contract, versionId, app.Today().AddDays(-31), "Wethouder"))).Problem);
        await AcceptedCaseAsync(app, await ReadySpotAsync(app, "Termijnweg 2", 0.0411), cpo, user, contract);
        await AcceptedCaseAsync(app, await ReadySpotAsync(app, "Termijnweg 4", 0.0412), cpo, user, contract);
        var live = await AcceptedCaseAsync(app, await ReadySpotAsync(app, "Termijnweg 6", 0.0413), cpo, user, contract);
        var opened = app.Today();
        // 26 weeks = 182 days after opening. 200 days later two cases are still not commissioned: both missed the term;
        // the third went live on day 100, within it. So 1 of the 3 decided cases finished in term.
        app.Clock.Advance(TimeSpan.FromDays(200));
        await PushLocationAsync(app, "NL", "LDT", "TRM-6", "Termijnweg 6", 51.99 + 0.0413 + North(5), 5.90);
        var proposal = Assert.Single((await app.CallAsync<CommissioningService, CommissioningView?>(user, (s, u) => s.ViewAsync(u, live)))!.Proposals);
        Assert.Null((await app.CallAsync<CommissioningService, InstallationStepResult>(user, (s, u) => s.ConfirmAsync(u, live, proposal.LocationSourceId, opened.AddDays(100)))).Problem);

        using var officer = await app.LogInAsAsync(DemoAccounts.Officer);
        var csv = await officer.Http.GetStringAsync(new Uri("/beheer/installaties/doorlooptijden.csv", UriKind.Relative));

        Assert.Contains("Laadnet Termijn;AcceptedByCpo;3;0;0;0;0;1;3", csv.Split("\r\n"));
    }
}
