using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audits;
using Portal.Domain.Audits.Exclusions;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Features.Exclusions;
using Portal.Features.Installations.Maintenance;
using Portal.Integration.Accounts;
using Portal.Tests.Contracts;
using Portal.Tests.Faults;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Exclusions;

/// <summary>The exclusion ledger over the real app: a CPO claims, an officer approves in part or rejects, the deadline, another operator refused, and E5 candidates from a maintenance window.</summary>
public sealed class KeepingTheExclusionLedgerTests(FaultsAppFactory app) : IClassFixture<FaultsAppFactory>
{
    private const string OtherCpoPassword = "Andere-Operator-2026!";

    private Task<T> As<T>(string email, Func<ExclusionService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    private DateTime Local(DateTime utc) => DutchCalendar.LocalTime(utc);

    private static ExclusionClaimForm GridForm(Guid contract, string evses, DateTime startsLocal, DateTime endsLocal) => new()
    {
        ContractId = contract,
        Category = ExclusionCategory.GridSupplyInterruption,
        StartsAt = startsLocal,
        EndsAt = endsLocal,
        Evses = evses,
        Description = "Stroomstoring in de wijk",
        GridOperatorReference = "LIA-2026-123",
    };

    [Fact]
    public async Task ACpoClaims_TheOfficerApprovesInPartOrRejects_AndTheCpoIsMailed()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("UITSL-1");
        await app.DemoOperatorLocationAsync("NL*TST*UITSL1", "Dorpsstraat 1");
        var (starts, ends) = (Local(app.Now.AddHours(-5)), Local(app.Now.AddHours(-1)));
        const string evses = "NL*TST*UITSL1/NL*TST*UITSL1-1\nNL*TST*UITSL1/NL*TST*UITSL1-2";

        var filed = await As(DemoAccounts.Cpo, (s, u) => s.FileAsync(u, GridForm(contract, evses, starts, ends), []));
        Assert.Null(filed.Problem);
        var rejectedLater = await As(DemoAccounts.Cpo, (s, u) => s.FileAsync(u, GridForm(contract, evses, starts, ends), []));

        // The officer approves the middle two hours of the four, for EVSE 2 only.
        var part = new ExclusionDecision(ExclusionDecisionKind.ApprovePart, "Liander meldt herstel na twee uur", starts.AddHours(1), starts.AddHours(3),
            [new EvseRef("NL*TST*UITSL1", "NL*TST*UITSL1-2")]);
        Assert.Null((await As(ContractTestSetup.RenkumOfficer, (s, u) => s.DecideAsync(u, filed.ClaimId!.Value, part))).Problem);
        Assert.Equal("Over deze aanvraag is al besloten.",
            (await As(ContractTestSetup.RenkumOfficer, (s, u) => s.DecideAsync(u, filed.ClaimId!.Value, new ExclusionDecision(ExclusionDecisionKind.Reject, "toch niet")))).Problem);
        Assert.Null((await As(ContractTestSetup.RenkumOfficer, (s, u) => s.DecideAsync(u, rejectedLater.ClaimId!.Value, new ExclusionDecision(ExclusionDecisionKind.Reject, "Geen storing bekend")))).Problem);

        var claim = (await As(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, filed.ClaimId!.Value)))!.Claim;
        Assert.Equal(ExclusionClaimState.PartlyApproved, claim.State);
        var approved = Assert.Single(claim.Approved());
        Assert.Equal((new EvseRef("NL*TST*UITSL1", "NL*TST*UITSL1-2"), TimeSpan.FromHours(2)), (approved.Evse, approved.UntilUtc - approved.FromUtc));
        Assert.Equal([ExclusionClaimStepKind.Claimed, ExclusionClaimStepKind.PartlyApproved], claim.Steps.OrderBy(s => s.Id).Select(s => s.Kind));
        Assert.Equal(ExclusionClaimState.Rejected, (await As(DemoAccounts.Cpo, (s, u) => s.FindAsync(u, rejectedLater.ClaimId!.Value)))!.Claim.State);
        var mails = await app.ReadAsync(db => db.OutboxMails.CountAsync(m => m.DedupeKey!.StartsWith($"exclusion:{filed.ClaimId:N}:decided:")));
        Assert.True(mails >= 1, "the operator's users are mailed the decision");

        // Another operator's CPO user neither sees nor opens it, nor decides; an officer of another municipality neither.
        Assert.Null(await As(ContractTestSetup.OtherCpo, (s, u) => s.FindAsync(u, filed.ClaimId!.Value)));
        Assert.DoesNotContain(await As(ContractTestSetup.OtherCpo, (s, u) => s.ListAsync(u, new ExclusionFilter())), r => r.Claim.ContractId == contract);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(ContractTestSetup.EdeOfficer, (s, u) => s.DecideAsync(u, rejectedLater.ClaimId!.Value, part)));
        Assert.Equal("Kies het contract.", (await As(ContractTestSetup.OtherCpo, (s, u) => s.FileAsync(u, GridForm(contract, evses, starts, ends), []))).Problem);
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await users.FindByEmailAsync(ContractTestSetup.OtherCpo))!;
            if (!await users.HasPasswordAsync(account))
                Assert.True((await users.AddPasswordAsync(account, OtherCpoPassword)).Succeeded);
        }
        using var other = await app.LogInAsAsync(ContractTestSetup.OtherCpo, OtherCpoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/beheer/uitsluitingen/{filed.ClaimId}")).StatusCode);
        using var own = await app.LogInAsAsync(DemoAccounts.Cpo);
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync($"/beheer/uitsluitingen/{filed.ClaimId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync("/cpo/uitsluitingen")).StatusCode);
    }

    [Fact]
    public async Task AnOutageOfMonthsAgo_IsPastTheDeadline_AndAnEvseOutsideTheContract_IsRefused()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var contract = await app.SignedContractAsync("UITSL-2");
        await app.DemoOperatorLocationAsync("NL*TST*UITSL2", "Dorpsstraat 2");
        const string evse = "NL*TST*UITSL2/NL*TST*UITSL2-1";
        // Ninety days ago lies in a month that ended at least 60 days ago: far more than 10 working days.
        var old = Local(app.Now.AddDays(-90));

        var late = await As(DemoAccounts.Cpo, (s, u) => s.FileAsync(u, GridForm(contract, evse, old, old.AddHours(2)), []));
        Assert.StartsWith("De termijn om deze storing aan te vragen liep af op", late.Problem, StringComparison.Ordinal);

        var foreign = await As(DemoAccounts.Cpo, (s, u) => s.FileAsync(u, GridForm(contract, "NL*XXX*ELDERS/NL*XXX*ELDERS-1", Local(app.Now.AddHours(-3)), Local(app.Now.AddHours(-2))), []));
        Assert.Equal("NL*XXX*ELDERS/NL*XXX*ELDERS-1 valt niet onder dit contract.", foreign.Problem);
        Assert.Equal(0, await app.ReadAsync(db => db.ExclusionClaims.CountAsync(c => c.ContractId == contract)));
    }

    [Fact]
    public async Task AnEndedMaintenanceWindow_BecomesOneCandidate_WhichTheCpoConfirms()
    {
        await ContractTestSetup.OutsidersAsync(app);
        await app.SignedContractAsync("UITSL-3");
        var location = await app.DemoOperatorLocationAsync("NL*TST*UITSL3", "Dorpsstraat 3");
        var window = new MaintenanceWindowForm
        {
            Evse = $"{location}|NL*TST*UITSL3-1",
            StartsAt = Local(app.Now.AddHours(-6)),
            EndsAt = Local(app.Now.AddHours(-2)),
            Reason = "Laadpaal vervangen",
        };
        Assert.Null((await app.CallAsync(DemoAccounts.Cpo, (MaintenanceWindowService s, ClaimsPrincipal u) => s.DeclareAsync(u, window))).Problem);

        await app.CallAsync(DemoAccounts.Cpo, (ExclusionCandidates c, ClaimsPrincipal _) => c.RunAsync());
        await app.CallAsync(DemoAccounts.Cpo, (ExclusionCandidates c, ClaimsPrincipal _) => c.RunAsync());   // a second run makes nothing twice

        // Every contract of this fixture covers the demo operator's EVSEs in Renkum; the candidate goes to one of them.
        var candidate = Assert.Single(await As(DemoAccounts.Cpo, (s, u) => s.ListAsync(u, new ExclusionFilter(Category: ExclusionCategory.PlannedMaintenance))),
            r => r.Claim.Evses.Any(e => e.EvseUid == "NL*TST*UITSL3-1")).Claim;
        Assert.Equal((ExclusionClaimState.Candidate, ExclusionCategory.PlannedMaintenance, ExclusionClaimSource.MaintenanceWindow),
            (candidate.State, candidate.Category, candidate.Source));
        Assert.Equal(new EvseRef("NL*TST*UITSL3", "NL*TST*UITSL3-1"), Assert.Single(candidate.Evses).Evse);
        Assert.Equal(TimeSpan.FromHours(4), candidate.EndsAtUtc - candidate.StartsAtUtc);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(ContractTestSetup.OtherCpo, (s, u) => s.ConfirmAsync(u, candidate.Id, "niet van mij")));
        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.ConfirmAsync(u, candidate.Id, "Aangekondigd in het portaal, zes werkdagen vooraf"))).Problem);
        Assert.Equal(ExclusionClaimState.Claimed, (await As(ContractTestSetup.RenkumOfficer, (s, u) => s.FindAsync(u, candidate.Id)))!.Claim.State);
    }
}
