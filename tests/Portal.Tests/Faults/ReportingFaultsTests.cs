using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Faults;
using Portal.Features.Faults;
using Portal.Tests.Contracts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Faults;

/// <summary>
/// Fault reports over the real app: the public form without script (antiforgery, honeypot, minimum time), the
/// confirmation, the CPO's list and mail, who sees what, and the clocks against the contract's terms.
/// </summary>
public sealed class ReportingFaultsTests(FaultsAppFactory app) : IClassFixture<FaultsAppFactory>
{
    private Task<T> As<T>(string email, Func<FaultReportService, ClaimsPrincipal, Task<T>> call) => app.CallAsync(email, call);

    private static Dictionary<string, string> Fields(string evse, string description = "Laadt niet, het scherm blijft zwart.", string email = "melder@voorbeeld.nl", string website = "") =>
        new()
        {
            ["Form.EvseUid"] = evse, ["Form.Kind"] = nameof(FaultKind.DoesNotCharge), ["Form.Description"] = description,
            ["Form.NoticedAt"] = "", ["Form.Email"] = email, ["Form.Website"] = website,
        };

    private async Task<(Guid Location, string Source)> CoveredLocationAsync(string source, string address)
    {
        await ContractTestSetup.OutsidersAsync(app);
        var location = await app.DemoOperatorLocationAsync(source, address);
        if (!await app.ReadAsync(db => db.Contracts.AnyAsync(c => c.Reference == "CON-STORING-RENKUM")))
            await app.SignedContractAsync("CON-STORING-RENKUM");
        return (location, source);
    }

    private Task<int> ReportCountAsync(Guid location) => app.ReadAsync(db => db.FaultReports.CountAsync(r => r.ChargeLocationId == location));

    [Fact]
    public async Task AFaultReportedOnThePublicPage_ReachesTheCpoListAndItsUsersMail_AndNoOtherOperator()
    {
        var (location, source) = await CoveredLocationAsync("NL*TST*STORING1", "Dorpsstraat 1");
        var client = app.CreateClient();

        var (response, page) = await client.GetPageAsync($"/laadpunten/{location}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.NotNull(PortalClient.FindForm(page, "fault").QuerySelector("input[name=__RequestVerificationToken]"));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var posted = await client.SubmitAsync(page, "fault", Fields($"{source}-2"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, receipt) = await client.FollowAsync(posted);
        var reference = receipt.QuerySelector("[data-testid=fault-reference]")!.TextContent;
        Assert.Matches($"^ST-{app.Now.Year}-\\d{{4}}$", reference);
        Assert.DoesNotContain("melder@voorbeeld.nl", receipt.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"/laadpunten/{Guid.NewGuid()}/storing-gemeld?kenmerk={reference}")).Response.StatusCode);

        var cpoList = await As(DemoAccounts.Cpo, (s, u) => s.ListAsync(u, openOnly: true, 0, 25));
        var row = Assert.Single(cpoList.Rows, r => r.Report.Reference == reference);
        Assert.Equal(($"{source}-2", "melder@voorbeeld.nl", 4m, 48m, true), (row.Report.EvseUid, row.Report.ReporterEmail, row.Report.MaxResponseHours, row.Report.MaxRepairHours, row.CanHandle));
        Assert.DoesNotContain((await As(ContractTestSetup.OtherCpo, (s, u) => s.ListAsync(u, false, 0, 100))).Rows, r => r.Report.Reference == reference);
        Assert.DoesNotContain((await As(DemoAccounts.Officer, (s, u) => s.ListAsync(u, false, 0, 100))).Rows, r => r.Report.Reference == reference);   // Arnhem's
        Assert.False(Assert.Single((await As(ContractTestSetup.RenkumOfficer, (s, u) => s.ListAsync(u, false, 0, 100))).Rows, r => r.Report.Reference == reference).CanHandle);

        var mail = await app.DeliverMailAsync();
        Assert.Contains(mail.MessagesTo(DemoAccounts.Cpo), m => m.Contains(reference, StringComparison.Ordinal) && m.Contains("Dorpsstraat 1", StringComparison.Ordinal));
        Assert.DoesNotContain(mail.MessagesTo(ContractTestSetup.OtherCpo), m => m.Contains(reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHoneypotAndATooFastPost_AreRefused_KeepingWhatWasTyped_ThenTheSameFormGoesThrough()
    {
        var (location, source) = await CoveredLocationAsync("NL*TST*STORING2", "Dorpsstraat 2");
        var client = app.CreateClient();
        const string typed = "De stekker zit vast en komt er niet meer uit.";

        var (_, page) = await client.GetPageAsync($"/laadpunten/{location}");
        var tooFast = await client.SubmitAsync(page, "fault", Fields($"{source}-1", typed));   // the clock did not move: 0 s after showing
        var (_, refused) = await client.FollowAsync(tooFast);

        Assert.Equal(HttpStatusCode.OK, tooFast.StatusCode);
        Assert.Contains("erg snel", refused.QuerySelector("[data-testid=fault-problem]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, ((IHtmlTextAreaElement)refused.QuerySelector("#fault-description")!).Value);
        Assert.Equal("melder@voorbeeld.nl", ((IHtmlInputElement)refused.QuerySelector("#fault-email")!).Value);
        Assert.Equal($"{source}-1", ((IHtmlSelectElement)refused.QuerySelector("#fault-evse")!).Value);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var robot = await client.SubmitAsync(refused, "fault", Fields($"{source}-1", typed, website: "http://spam.example"));
        var (_, refusedAgain) = await client.FollowAsync(robot);
        Assert.Contains("leeg moet blijven", refusedAgain.QuerySelector("[data-testid=fault-problem]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, ((IHtmlTextAreaElement)refusedAgain.QuerySelector("#fault-description")!).Value);
        Assert.Equal(0, await ReportCountAsync(location));

        // The page that came back carries a fresh stamp: once enough time passed and with the hidden field empty (as a
        // person leaves it), it is accepted with everything else as it stands.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var accepted = await client.SubmitAsync(refusedAgain, "fault", new Dictionary<string, string> { ["Form.Website"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, await ReportCountAsync(location));
    }

    [Fact]
    public async Task AMissingDescription_AndABadAddress_ComeBackOnTheForm()
    {
        var (location, source) = await CoveredLocationAsync("NL*TST*STORING3", "Dorpsstraat 3");
        var client = app.CreateClient();

        var (_, page) = await client.GetPageAsync($"/laadpunten/{location}");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var (_, empty) = await client.FollowAsync(await client.SubmitAsync(page, "fault", Fields($"{source}-1", description: " ")));
        Assert.Contains("Beschrijf de storing.", empty.QuerySelector("[data-testid=fault-form]")!.TextContent, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var (_, bad) = await client.FollowAsync(await client.SubmitAsync(empty, "fault", Fields($"{source}-1", "Kapot", email: "melder@")));
        Assert.Contains("naam@voorbeeld.nl", bad.QuerySelector("[data-testid=fault-form]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kapot", ((IHtmlTextAreaElement)bad.QuerySelector("#fault-description")!).Value);
        Assert.Equal(0, await ReportCountAsync(location));
    }

    [Fact]
    public async Task OnlyTheCpo_AcknowledgesAndResolves_TheClocksAreMeasured_AndTheReporterGetsTheAnswer_ThenTheAddressIsRemoved()
    {
        var (location, source) = await CoveredLocationAsync("NL*TST*STORING4", "Dorpsstraat 4");
        string reference;
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<FaultReportService>();
            reference = await service.ReceiveAsync(location, new FaultReportInput($"{source}-1", FaultKind.CableOrConnector, "Kabel kapot", app.Now, "antwoord@voorbeeld.nl"));
        }
        var id = await app.ReadAsync(db => db.FaultReports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync());

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(ContractTestSetup.OtherCpo, (s, u) => s.AcknowledgeAsync(u, id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As(ContractTestSetup.RenkumOfficer, (s, u) => s.AcknowledgeAsync(u, id)));
        // Acknowledged after 3 h (within 4), resolved 50 h later: 53 h from the report, over the 48 h repair term.
        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.AcknowledgeAsync(u, id))).Problem);
        Assert.StartsWith("Storingsmelding " + reference + " is al bevestigd", (await As(DemoAccounts.Cpo, (s, u) => s.AcknowledgeAsync(u, id))).Problem, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromHours(50));
        Assert.Equal("Schrijf wat er is gedaan.", (await As(DemoAccounts.Cpo, (s, u) => s.ResolveAsync(u, id, "  "))).Problem);
        Assert.Null((await As(DemoAccounts.Cpo, (s, u) => s.ResolveAsync(u, id, "Laadkabel vervangen op 9 december."))).Problem);

        var seen = Assert.Single((await As(ContractTestSetup.RenkumOfficer, (s, u) => s.ListAsync(u, false, 0, 100))).Rows, r => r.Report.Reference == reference);
        Assert.Equal(new FaultClock(3m, 4m, true, FaultClockOutcome.InTime), seen.Response);
        Assert.Equal(new FaultClock(53m, 48m, true, FaultClockOutcome.Late), seen.Repair);
        Assert.Equal("antwoord@voorbeeld.nl", seen.Report.ReporterEmail);
        var answer = Assert.Single((await app.DeliverMailAsync()).MessagesTo("antwoord@voorbeeld.nl"));
        Assert.Contains("Laadkabel vervangen op 9 december.", answer, StringComparison.Ordinal);

        // Retention is 30 days from the resolution.
        app.Clock.Advance(TimeSpan.FromDays(29));
        await As(DemoAccounts.Cpo, (s, _) => s.RemoveExpiredEmailsAsync());
        Assert.Equal("antwoord@voorbeeld.nl", await app.ReadAsync(db => db.FaultReports.Where(r => r.Id == id).Select(r => r.ReporterEmail).SingleAsync()));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await As(DemoAccounts.Cpo, (s, _) => s.RemoveExpiredEmailsAsync());
        var kept = await app.ReadAsync(db => db.FaultReports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((null, "Laadkabel vervangen op 9 december."), (kept.ReporterEmail, kept.Answer));
    }
}
