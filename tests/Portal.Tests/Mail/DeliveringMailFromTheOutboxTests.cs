using System.Collections.Concurrent;
using System.Net;
using Bunit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Features.Mail;
using Portal.Integration.Mail;
using Portal.Integration.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Mail;

/// <summary>
/// The portal with its scheduler off, so each test runs the outbox delivery itself; a mail sender
/// that fails for some addresses (once, or always) in front of the real pickup-folder sender; and a
/// clock the test moves forward instead of waiting for a retry.
/// </summary>
public sealed class FlakyMailApp : PortalAppFactory
{
    public const string FailsOnce = "eenmaal-", FailsAlways = "altijd-";
    public const int MaxAttempts = 3;

    public AdjustableClock Clock { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false",
        ["Mail:Outbox:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Outbox:FirstRetrySeconds"] = "60",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        services.RemoveAll<IMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<IMailSender>(sp => new FlakySender(sp.GetRequiredService<SmtpMailSender>()));
    }

    private sealed class FlakySender(IMailSender inner) : IMailSender
    {
        private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.OrdinalIgnoreCase);

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            if (mail.ToAddress.StartsWith(FailsAlways, StringComparison.Ordinal)
                || (mail.ToAddress.StartsWith(FailsOnce, StringComparison.Ordinal) && _failures.AddOrUpdate(mail.ToAddress, 1, (_, n) => n + 1) == 1))
                throw new InvalidOperationException("SMTP server said 451 try again later");
            return inner.SendAsync(mail, cancellationToken);
        }
    }
}

public sealed class DeliveringMailFromTheOutboxTests(FlakyMailApp app) : IClassFixture<FlakyMailApp>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task MailThatFailsOnce_IsDeliveredExactlyOnce_OnTheRetry()
    {
        var to = $"{FlakyMailApp.FailsOnce}{Guid.NewGuid():N}@test.example";
        await EnqueueAsync(app.App, to, "Uw aanvraag is ontvangen");

        var first = await DeliverAsync(app.App);
        Assert.Equal(0, first.Sent);
        Assert.Empty(app.Mail.MessagesTo(to));

        // Not due yet: the first retry waits a minute.
        await DeliverAsync(app.App);
        Assert.Empty(app.Mail.MessagesTo(to));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await DeliverAsync(app.App);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await DeliverAsync(app.App);

        var message = Assert.Single(app.Mail.MessagesTo(to));
        Assert.Contains("Uw aanvraag is ontvangen", message, StringComparison.Ordinal);
        var row = await RowAsync(to);
        Assert.Equal(OutboxMailState.Sent, row.State);
        Assert.Equal(2, row.Attempts);
    }

    [Fact]
    public async Task SameEvent_IsEnqueuedOnce()
    {
        var to = $"dubbel-{Guid.NewGuid():N}@test.example";
        var key = $"test:{Guid.NewGuid():N}";

        Assert.True(await EnqueueAsync(app.App, to, "Eerste", key));
        Assert.False(await EnqueueAsync(app.App, to, "Tweede", key));
        await DeliverAsync(app.App);

        Assert.Contains("Eerste", Assert.Single(app.Mail.MessagesTo(to)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoNodesDeliveringAtOnce_SendEveryMailOnce()
    {
        var addresses = Enumerable.Range(0, 6).Select(i => $"twee-nodes-{i}-{Guid.NewGuid():N}@test.example").ToList();
        foreach (var to in addresses)
            await EnqueueAsync(app.App, to, "Twee nodes");
        await using var second = app.CreateSecondNode();

        await Task.WhenAll(DeliverAsync(app.App), DeliverAsync(second), DeliverAsync(app.App), DeliverAsync(second));

        Assert.All(addresses, to => Assert.Single(app.Mail.MessagesTo(to)));
    }

    [Fact]
    public async Task MailThatKeepsFailing_EndsFailed_ShowsOnTheAdminPage_AndCanBeRetried()
    {
        var to = $"{FlakyMailApp.FailsAlways}{Guid.NewGuid():N}@test.example";
        await EnqueueAsync(app.App, to, "Blijft mislukken");
        for (var attempt = 0; attempt < FlakyMailApp.MaxAttempts; attempt++)
        {
            await DeliverAsync(app.App);
            app.Clock.Advance(TimeSpan.FromHours(2));
        }
        var failed = await RowAsync(to);
        Assert.Equal(OutboxMailState.Failed, failed.State);
        Assert.Equal(FlakyMailApp.MaxAttempts, failed.Attempts);
        await DeliverAsync(app.App);
        Assert.Equal(FlakyMailApp.MaxAttempts, (await RowAsync(to)).Attempts);

        using var admin = await app.LogInAsAsync(DemoAccounts.Admin);
        var (response, prerendered) = await admin.GetPageAsync("/admin/mail?status=Failed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Uitgaande mail", prerendered.QuerySelector("h1")!.TextContent.Trim());

        await using var context = await BackOfficeContext.SignedInAsAsync(app, DemoAccounts.Admin);
        context.RenderProviders();
        context.Navigation.NavigateTo($"/admin/mail?status=Failed&zoek={to}");
        var page = context.Render<MailOutboxPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr.mail-row")), Wait);
        // The counts load beside the grid's rows, not before them.
        page.WaitForAssertion(() => Assert.NotEqual("0", page.Find("[data-testid=count-failed]").TextContent), Wait);
        var row = page.Find("tbody tr.mail-row");
        Assert.Equal("Mislukt", row.QuerySelector("[data-testid=mail-state]")!.TextContent);
        Assert.Contains("451 try again later", row.QuerySelector("[data-testid=mail-error]")!.TextContent, StringComparison.Ordinal);

        _ = row.QuerySelectorAll("button").Single(b => b.TextContent.Contains("Nu opnieuw proberen", StringComparison.Ordinal)).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(context.Snackbar.ShownSnackbars, s => s.Message is { } m && m.StartsWith("Het bericht staat weer in de wachtrij", StringComparison.Ordinal)), Wait);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("tbody tr.mail-row")), Wait);
        var again = await RowAsync(to);
        Assert.Equal(OutboxMailState.Waiting, again.State);
        Assert.Equal(0, again.Attempts);
    }

    [Theory]
    [InlineData(DemoAccounts.Officer)]
    [InlineData(DemoAccounts.Resident)]
    public async Task OnlyAdministrators_SeeTheOutbox(string account)
    {
        using var client = await app.LogInAsAsync(account);

        var (response, _) = await client.GetPageAsync("/admin/mail");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RetryingAMailThatHasNotFailed_ChangesNothing()
    {
        var to = $"niet-mislukt-{Guid.NewGuid():N}@test.example";
        await EnqueueAsync(app.App, to, "Nog onderweg");
        var waiting = await RowAsync(to);

        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var delivery = scope.ServiceProvider.GetRequiredService<MailOutboxDelivery>();
            Assert.False(await delivery.RetryAsync(waiting.Id));
            Assert.False(await delivery.RetryAsync(Guid.NewGuid()));
        }

        Assert.Equal(waiting.NextAttemptAtUtc, (await RowAsync(to)).NextAttemptAtUtc);
    }

    internal static async Task<bool> EnqueueAsync(WebApplicationFactory<Program> node, string to, string subject, string? key = null)
    {
        using var scope = node.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var added = await outbox.EnqueueAsync(new OutgoingMail(to, "Test Persoon", subject, $"{subject}.\n\nMet vriendelijke groet"), key);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        return added;
    }

    internal static async Task<MailDeliveryReport> DeliverAsync(WebApplicationFactory<Program> node)
    {
        using var scope = node.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MailOutboxDelivery>().DeliverDueAsync();
    }

    private async Task<OutboxMail> RowAsync(string to)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMails.AsNoTracking().SingleAsync(m => m.ToAddress == to);
    }
}
