using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Findings;
using Portal.Features.Findings;
using Portal.Integration.Accounts;
using Portal.Tests.Applications;
using Portal.Tests.Contracts;
using Portal.Tests.Faults;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Findings;

/// <summary>The findings' workflow over the real app: a CPO answers and the officer closes, an escalation with its penalty, and everyone else refused.</summary>
public sealed class RespondingToFindingsTests(FaultsAppFactory app) : IClassFixture<FaultsAppFactory>
{
    private const string OtherCpoPassword = "Andere-Operator-2026!";

    private Task<T> As<T>(string email, Func<FindingService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    [Fact]
    public async Task ACpoAnswersWithAnAttachment_AndTheOfficerClosesIt()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("BEV-1");
        var id = await FindingTestData.TimelinessAsync(app, contract, new DateOnly(2026, 1, 1));

        using (var pdf = new MemoryStream(ApplyFlow.Pdf))
        {
            var answered = await As(DemoAccounts.Cpo, (s, u) => s.RespondAsync(u, id, "De koppeling is op 3 februari hersteld.", new FindingUpload("herstelrapport.pdf", pdf)));
            Assert.Null(answered.Problem);
        }
        var afterAnswer = (await As(ContractTestSetup.RenkumOfficer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((FindingState.Answered, "De koppeling is op 3 februari hersteld.", "herstelrapport.pdf"),
            (afterAnswer.State, afterAnswer.Response!.Answer, afterAnswer.Response.AttachmentFileName));

        Assert.Equal("Geef een reden.", (await As(ContractTestSetup.RenkumOfficer, (s, u) => s.CloseAsync(u, id, FindingClosure.Accepted, " "))).Problem);
        Assert.Null((await As(ContractTestSetup.RenkumOfficer, (s, u) => s.CloseAsync(u, id, FindingClosure.Resolved, "Herstel gezien in de statusberichten"))).Problem);
        Assert.Equal("Deze bevinding is al gesloten of geëscaleerd.", (await As(ContractTestSetup.RenkumOfficer, (s, u) => s.EscalateAsync(u, id, "toch"))).Problem);

        var closed = (await As(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((FindingState.Closed, FindingClosure.Resolved, "Herstel gezien in de statusberichten"), (closed.State, closed.Response!.Closure, closed.Response.DecisionReason));
        Assert.Equal([FindingStepKind.Opened, FindingStepKind.Answered, FindingStepKind.Closed], closed.Response.Steps.OrderBy(s => s.Id).Select(s => s.Kind));
        Assert.Equal("Rik Renkum", closed.Response.Steps.Single(s => s.Kind == FindingStepKind.Closed).ByName);
        Assert.Contains(await As(ContractTestSetup.RenkumOfficer, (s, u) => s.ListAsync(u, new FindingFilter(FindingState.Closed, contract))), r => r.Finding.Id == id);
        Assert.DoesNotContain(await As(ContractTestSetup.RenkumOfficer, (s, u) => s.ListAsync(u, new FindingFilter(FindingState.Open, contract))), r => r.Finding.Id == id);

        using var own = await app.LogInAsAsync(DemoAccounts.Cpo);
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync($"/cpo/bevindingen/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync("/cpo/bevindingen")).StatusCode);
        var download = await own.Http.GetAsync($"/beheer/bevindingen/{id}/bijlage");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(ApplyFlow.Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnAnsweredTariffFinding_IsEscalated_WithThePenaltyPerLaadpunt()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("BEV-2", (ContractTerm.TariffCaps, 250m, "EUR 250 per laadpunt per vastgestelde overschrijding"));
        var id = await FindingTestData.TariffAsync(app, contract,
            new EvseRef("NL*TST*BEV2", "NL*TST*BEV2-1"), new EvseRef("NL*TST*BEV2", "NL*TST*BEV2-2"), new EvseRef("NL*TST*BEV2B", "NL*TST*BEV2B-1"));

        // Three EVSEs use the tariff, 250 euro per charge point: 3 x 250 = 750 proposed.
        var proposed = (await As(ContractTestSetup.RenkumOfficer, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((ContractTerm.TariffCaps, 3, 750m), (proposed.Penalty!.Term, proposed.Penalty.Units, proposed.PenaltyEuro));

        Assert.StartsWith("De operator mag nog antwoorden, tot en met", (await As(ContractTestSetup.RenkumOfficer, (s, u) => s.EscalateAsync(u, id, "Geen reactie"))).Problem, StringComparison.Ordinal);
        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.RespondAsync(u, id, "Het starttarief is een fout in ons systeem.", null))).Problem);
        Assert.Null((await As(ContractTestSetup.RenkumOfficer, (s, u) => s.EscalateAsync(u, id, "Tarief is na het antwoord niet aangepast"))).Problem);

        var escalated = (await As(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal((FindingState.Escalated, ContractTerm.TariffCaps, 3, 750m), (escalated.State, escalated.Response!.PenaltyTerm, escalated.Response.PenaltyUnits, escalated.Response.PenaltyEuro));
        Assert.Equal(750m, Assert.Single(await As(ContractTestSetup.RenkumOfficer, (s, u) => s.ListAsync(u, new FindingFilter(FindingState.Escalated, contract)))).PenaltyEuro);
    }

    [Fact]
    public async Task AnOfficerReopensAnAnswer_AskingForMore()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("BEV-3");
        var id = await FindingTestData.TimelinessAsync(app, contract, new DateOnly(2026, 2, 1));
        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.RespondAsync(u, id, "Opgelost.", null))).Problem);

        Assert.Null((await As(ContractTestSetup.RenkumOfficer, (s, u) => s.ReopenAsync(u, id, "Welke oorzaak, en wat doet u om herhaling te voorkomen?"))).Problem);

        var reopened = (await As(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, id)))!;
        Assert.Equal(FindingState.Open, reopened.State);
        Assert.Equal(FindingStepKind.Reopened, reopened.Response!.Steps.OrderBy(s => s.Id).Last().Kind);
        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.RespondAsync(u, id, "Oorzaak: een verlopen certificaat; nu bewaakt.", null))).Problem);
    }

    [Fact]
    public async Task AnotherOperatorsCpo_AnotherMunicipalitysOfficer_AndAResident_AreRefused()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("BEV-4");
        var id = await FindingTestData.TimelinessAsync(app, contract, new DateOnly(2025, 12, 1));
        using (var pdf = new MemoryStream(ApplyFlow.Pdf))
            Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.RespondAsync(u, id, "Zie bijlage.", new FindingUpload("bijlage.pdf", pdf)))).Problem);

        Assert.Null(await As(ContractTestSetup.OtherCpo, (s, u) => s.FindAsync(u, id)));
        Assert.DoesNotContain(await As(ContractTestSetup.OtherCpo, (s, u) => s.ListAsync(u, new FindingFilter())), r => r.Finding.Id == id);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(ContractTestSetup.OtherCpo, (s, u) => s.RespondAsync(u, id, "niet van mij", null)));
        Assert.Null(await As(ContractTestSetup.EdeOfficer, (s, u) => s.FindAsync(u, id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(ContractTestSetup.EdeOfficer, (s, u) => s.CloseAsync(u, id, FindingClosure.Accepted, "niet van mij")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(DemoAccounts.Cpo, (s, u) => s.CloseAsync(u, id, FindingClosure.Accepted, "zelf gesloten")));

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await users.FindByEmailAsync(ContractTestSetup.OtherCpo))!;
            if (!await users.HasPasswordAsync(account))
                Assert.True((await users.AddPasswordAsync(account, OtherCpoPassword)).Succeeded);
        }
        using var other = await app.LogInAsAsync(ContractTestSetup.OtherCpo, OtherCpoPassword);
        foreach (var url in new[] { $"/cpo/bevindingen/{id}", $"/beheer/bevindingen/{id}", $"/beheer/bevindingen/{id}/bijlage" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
        using var resident = await app.LogInAsAsync(DemoAccounts.Resident);
        foreach (var url in new[] { "/cpo/bevindingen", "/beheer/bevindingen", $"/cpo/bevindingen/{id}", $"/beheer/bevindingen/{id}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.GetAsync($"/beheer/bevindingen/{id}/bijlage")).StatusCode);
    }
}
