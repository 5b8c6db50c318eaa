using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Contracts.Evidence;
using Portal.Features.Contracts;
using Portal.Features.Contracts.Evidence;
using Portal.Jobs;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Contracts.Evidence.EvidenceAppFactory;

namespace Portal.Tests.Contracts.Evidence;

/// <summary>Evidence over the real portal and its database: given, decided, judged, downloaded, reminded of, expired; and who may do what.</summary>
public sealed class GivingEvidenceTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    private DateOnly Today => DutchCalendar.Day(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<RequirementState> StateAsync(Guid contractId) =>
        await app.CallAsync(DemoAccounts.Officer, async (ContractQueries q, System.Security.Claims.ClaimsPrincipal u) =>
        {
            var view = (await q.ViewAsync(u, contractId))!;
            var rows = await q.RequirementStatesAsync(view, view.Contract.Versions.Single());
            return rows.Single(r => r.Attached.Key == Certificate).State;
        });

    [Fact]
    public async Task TheCpoUploadsACertificate_TheOfficerAcceptsIt_AndTheRequirementIsMet()
    {
        var (id, _) = await app.SignedContractAsync("BEWIJS-1");
        // Signed 31 days ago with the version starting 30 days ago: the certificate is due and none was given.
        Assert.Equal(RequirementStateKind.EvidenceDue, (await StateAsync(id)).Kind);

        var evidenceId = await app.UploadCertificateAsync(id, Today.AddDays(-10), Today.AddYears(2));

        Assert.Equal((RequirementStateKind.Unknown, RequirementStateReason.EvidencePending), ((await StateAsync(id)).Kind, (await StateAsync(id)).Reason));
        var decided = await app.EvidenceAs(DemoAccounts.Officer, (s, u) => s.DecideAsync(u, id, evidenceId, accept: true, "Gecontroleerd in het OCA-register"));
        Assert.Null(decided.Problem);

        Assert.Equal(new RequirementState(RequirementStateKind.Met, RequirementStateReason.EvidenceValid, Today.AddYears(2)), await StateAsync(id));
        var overview = (await app.QueryEvidenceAs(DemoAccounts.Cpo, (q, u) => q.OverviewAsync(u, id)))!;
        var evidence = overview.Evidence.Single();
        Assert.Equal([EvidenceStepKind.Uploaded, EvidenceStepKind.Accepted], evidence.Steps.OrderBy(s => s.Id).Select(s => s.Kind));
        Assert.Equal(("certificaat.pdf", "application/pdf"), (evidence.FileName, evidence.ContentType));
        Assert.True(overview.CanUpload);
        Assert.False(overview.CanDecide);

        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        var download = await cpo.Http.GetAsync(new Uri($"/beheer/contracten/{id}/bewijs/{evidenceId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("%PDF-", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task AFileThatIsNoPdfOrImage_IsRefused_AndNothingIsKept()
    {
        var (id, _) = await app.SignedContractAsync("BEWIJS-2");
        await using var text = new MemoryStream("just some text"u8.ToArray());
        var upload = new EvidenceUpload(Certificate, EvidenceKind.Certificate, "Nep", "Niemand", "OCPP 2.0.1", Today.AddDays(-1), Today.AddYears(1), null, null, "nep.pdf");

        var result = await app.EvidenceAs(DemoAccounts.Cpo, (s, u) => s.UploadAsync(u, id, upload, text));

        Assert.Equal("Kies een pdf-, png- of jpg-bestand.", result.Problem);
        Assert.False(await app.QueryAsync(db => db.Set<SubmittedEvidence>().AnyAsync(e => e.ContractId == id)));
    }

    [Fact]
    public async Task AnotherOperatorsCpoUser_IsRefusedTheContract_ItsEvidence_AndItsFile()
    {
        await ContractTestSetup.OutsidersAsync(app);
        var (id, _) = await app.SignedContractAsync("BEWIJS-3");
        var evidenceId = await app.UploadCertificateAsync(id, Today.AddDays(-1), Today.AddYears(1));

        Assert.Null(await app.QueryEvidenceAs(ContractTestSetup.OtherCpo, (q, u) => q.OverviewAsync(u, id)));
        Assert.Null(await app.QueryEvidenceAs(ContractTestSetup.OtherCpo, (q, u) => q.FileAsync(u, id, evidenceId)));
        await using var pdf = new MemoryStream("%PDF-1.7"u8.ToArray());
        var upload = new EvidenceUpload(Certificate, EvidenceKind.Declaration, "Verklaring", "Andere", null, Today, null, null, null, "v.pdf");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.EvidenceAs(ContractTestSetup.OtherCpo, (s, u) => s.UploadAsync(u, id, upload, pdf)));
        // An officer of a municipality outside the contract decides nothing either.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => app.EvidenceAs(ContractTestSetup.EdeOfficer, (s, u) => s.DecideAsync(u, id, evidenceId, true, null)));

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Integration.Accounts.PortalUser>>();
            var account = (await users.FindByEmailAsync(ContractTestSetup.OtherCpo))!;
            if (!await users.HasPasswordAsync(account))
                Assert.True((await users.AddPasswordAsync(account, "Andere-Operator-2026!")).Succeeded);
        }
        using var other = await app.LogInAsAsync(ContractTestSetup.OtherCpo, "Andere-Operator-2026!");
        foreach (var path in new[] { $"/beheer/contracten/{id}/bewijs/{evidenceId}", $"/beheer/contracten/{id}/naleving.csv", $"/beheer/contracten/{id}/naleving.pdf" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        using var cpo = await app.LogInAsAsync(DemoAccounts.Cpo);
        Assert.Equal(HttpStatusCode.OK, (await cpo.Http.GetAsync(new Uri($"/beheer/contracten/{id}/naleving.csv", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheDailyJob_RemindsAtSixtyAndThirtyDaysOnce_AndRecordsTheExpiry()
    {
        var (id, _) = await app.SignedContractAsync("BEWIJS-4");
        // Expires 61 days from now: the first reminder is due tomorrow (61 − 1 = 60 days before).
        var expires = Today.AddDays(61);
        var evidenceId = await app.UploadCertificateAsync(id, Today.AddDays(-300), expires, "Meetcertificaat MID");
        Assert.Null((await app.EvidenceAs(DemoAccounts.Officer, (s, u) => s.DecideAsync(u, id, evidenceId, true, null))).Problem);
        var key = $"evidence:{evidenceId:N}:";

        Task<List<OutboxMailRow>> MailsAsync() => app.QueryAsync(db => db.OutboxMails.Where(m => m.DedupeKey!.StartsWith(key))
            .Select(m => new OutboxMailRow(m.DedupeKey!, m.ToAddress, m.Subject)).ToListAsync());

        await RunJobAsync();
        Assert.Empty(await MailsAsync());

        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync();
        await RunJobAsync();
        var sixty = await MailsAsync();
        // The operator's CPO user and Arnhem's officer who accepted it, once each, though the job ran twice.
        Assert.Equal([DemoAccounts.Officer, DemoAccounts.Cpo], sixty.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(sixty, m => Assert.Contains(":SixtyDayReminder:", m.Key, StringComparison.Ordinal));
        Assert.All(sixty, m => Assert.Equal("Bewijs verloopt over 60 dagen: Meetcertificaat MID (BEWIJS-4)", m.Subject));

        app.Clock.Advance(TimeSpan.FromDays(30));
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(2, (await MailsAsync()).Count(m => m.Key.Contains(":ThirtyDayReminder:", StringComparison.Ordinal)));
        Assert.Empty(await FindingsAsync(id));

        app.Clock.Advance(TimeSpan.FromDays(30));
        await RunJobAsync();
        await RunJobAsync();
        var finding = Assert.Single(await FindingsAsync(id));
        Assert.Equal((ContractFindingKind.EvidenceExpired, (Guid?)evidenceId, (DateOnly?)expires, expires), (finding.Kind, finding.EvidenceId, finding.ExpiredOn, finding.FoundOn));
        Assert.Equal(4, (await MailsAsync()).Count);
        Assert.Equal(RequirementStateKind.EvidenceExpired, (await StateAsync(id)).Kind);
        var steps = await app.QueryAsync(db => db.Set<EvidenceStep>().Where(s => s.EvidenceId == evidenceId).OrderBy(s => s.Id).Select(s => s.Kind).ToListAsync());
        Assert.Equal([EvidenceStepKind.Uploaded, EvidenceStepKind.Accepted, EvidenceStepKind.RemindedSixtyDays, EvidenceStepKind.RemindedThirtyDays, EvidenceStepKind.Expired], steps);
    }

    private Task<List<ContractFinding>> FindingsAsync(Guid contractId) =>
        app.QueryAsync(db => db.Set<ContractFinding>().AsNoTracking().Where(f => f.ContractId == contractId).ToListAsync());

    private async Task RunJobAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<CheckContractsJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    private sealed record OutboxMailRow(string Key, string To, string Subject);
}
